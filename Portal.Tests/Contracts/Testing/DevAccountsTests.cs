using NutPortal.Core.Contracts.Testing;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Contracts.Testing;

public sealed class DevAccountsTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    [Fact]
    public async Task The_dev_keys_sign_for_exactly_the_accounts_a_fresh_anvil_funds()
    {
        var accounts = await anvil.Rpc.CallAsync<string[]>("eth_accounts");

        Assert.Equal(accounts.Select(a => a.ToLowerInvariant()), Enumerable.Range(0, DevAccounts.Count).Select(i => DevAccounts.Address(i).ToLowerHex()));
    }

    [Fact]
    public void Placeholders_resolve_to_accounts_and_deployed_contracts_and_unknown_ones_name_the_field()
    {
        var scope = new SuiteScope();
        scope.Add("Token", "token", "0x00000000000000000000000000000000000000AA", NutPortal.Core.Ethereum.Abi.ContractAbi.Parse("[]"));
        var args = System.Text.Json.JsonSerializer.SerializeToElement(new object[] { "$account1", new[] { "$token", "$$literal" }, 5 });

        var resolved = scope.Substitute(args, "args")!.Value.GetRawText();
        var unknown = Assert.Throws<NutPortal.Core.Contracts.ContractFailureException>(() => scope.Substitute(System.Text.Json.JsonSerializer.SerializeToElement(new[] { "$nobody" }), "args"));

        Assert.Equal("[\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\",[\"0x00000000000000000000000000000000000000aa\",\"$literal\"],5]", resolved);
        Assert.Equal("args", unknown.Field);
        Assert.Contains("deployed so far: Token, token", unknown.Message, StringComparison.Ordinal);
    }
}
