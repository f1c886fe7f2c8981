namespace NutPortal.Core.Contracts.Testing;

/// <summary>A ready-made suite offered with a template.</summary>
public sealed record TemplateTestSuite(string Name, string StepsJson);

/// <summary>Suites that come with the contract templates; a project made from the template is offered its suite.</summary>
public static class TemplateTestSuites
{
    public static TemplateTestSuite? For(string? templateId) => templateId switch
    {
        "erc20" => new("ERC-20 basics", Erc20),
        _ => null,
    };

    private const string Erc20 = """
[
  { "type": "deploy", "contract": "Token", "args": ["Nut Token", "NUT", "1000000"] },
  { "type": "event", "event": "Transfer", "args": { "from": "0x0000000000000000000000000000000000000000", "to": "$account0", "value": "1000000" } },
  { "type": "call", "function": "totalSupply", "expect": "1000000" },
  { "type": "call", "function": "balanceOf", "args": ["$account0"], "expect": "1000000" },
  { "type": "send", "function": "transfer", "args": ["$account1", "250"], "from": 0 },
  { "type": "event", "event": "Transfer", "args": { "from": "$account0", "to": "$account1", "value": "250" } },
  { "type": "call", "function": "balanceOf", "args": ["$account1"], "expect": "250" },
  { "type": "balance", "name": "a token transfer moves no ether (fee left out)", "account": 0, "delta": "0" },
  { "type": "send", "function": "transfer", "args": ["$account2", "251"], "from": 1, "expectRevert": "balance too low" },
  { "type": "call", "function": "balanceOf", "args": ["$account1"], "expect": "250" },
  { "type": "send", "function": "approve", "args": ["$account2", "100"], "from": 0 },
  { "type": "event", "event": "Approval", "args": { "owner": "$account0", "spender": "$account2", "value": "100" } },
  { "type": "send", "function": "transferFrom", "args": ["$account0", "$account3", "100"], "from": 2 },
  { "type": "call", "function": "allowance", "args": ["$account0", "$account2"], "expect": "0" },
  { "type": "send", "function": "transferFrom", "args": ["$account0", "$account3", "1"], "from": 2, "expectRevert": "allowance exceeded" },
  { "type": "call", "function": "balanceOf", "args": ["$account0"], "expect": "999650" }
]
""";
}
