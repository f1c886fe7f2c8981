using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>A contract deployed by an earlier step: its name (or alias), address and ABI.</summary>
public sealed record SuiteContract(string Name, string Address, ContractAbi Abi);

/// <summary>
/// What earlier steps left behind: the contracts they deployed (by contract name and alias; a later deploy of the
/// same name wins) and the placeholders that refer to them. <c>$account0</c> … <c>$account9</c> are anvil's dev
/// accounts, <c>$Name</c> a deployed contract's address, and <c>$$</c> starts a literal <c>$</c>.
/// </summary>
public sealed class SuiteScope
{
    private readonly Dictionary<string, SuiteContract> _byName = new(StringComparer.Ordinal);
    private readonly List<SuiteContract> _all = [];

    public SuiteContract? Last { get; private set; }

    public IReadOnlyList<SuiteContract> All => _all;

    public void Add(string contractName, string? alias, string address, ContractAbi abi)
    {
        var contract = new SuiteContract(alias ?? contractName, address.ToLowerInvariant(), abi);
        _byName[contractName] = contract;
        if (alias is not null)
        {
            _byName[alias] = contract;
        }
        _all.Add(contract);
        Last = contract;
    }

    /// <summary>The contract a call, send or event step targets: the named one, or the last deployed.</summary>
    public SuiteContract Target(string? name)
    {
        if (name is null)
        {
            return Last ?? throw Invalid("contract", "No contract deployed yet: add a deploy step before this one.");
        }
        return _byName.TryGetValue(name.TrimStart('$'), out var found)
            ? found
            : throw Invalid("contract", $"No contract named '{name}' was deployed by an earlier step{Known()}.");
    }

    public SuiteContract? ByAddress(string address) => _all.LastOrDefault(c => string.Equals(c.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>An address field: an account index placeholder, a contract placeholder or a 0x address.</summary>
    public string Address(string text, string field)
    {
        if (text.StartsWith('$'))
        {
            return Resolve(text, field);
        }
        return Ethereum.Keys.Address.TryParse(text, out var a) ? a.ToLowerHex() : throw Invalid(field, $"'{text}' is not an address, \"$accountN\" or \"$ContractName\".");
    }

    /// <summary>Replaces placeholders in every string of a JSON value (arguments, expectations).</summary>
    public JsonElement? Substitute(JsonElement? value, string field)
    {
        if (value is not { } element)
        {
            return null;
        }
        var node = Walk(JsonNode.Parse(element.GetRawText()), field);
        return JsonSerializer.SerializeToElement(node);
    }

    private JsonNode? Walk(JsonNode? node, string field)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(n => Walk(n, field))]);
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    copy[key] = Walk(child, field);
                }
                return copy;
            case JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith('$'):
                return JsonValue.Create(s.StartsWith("$$", StringComparison.Ordinal) ? s[1..] : Resolve(s, field));
            default:
                return node?.DeepClone();
        }
    }

    private string Resolve(string placeholder, string field)
    {
        var name = placeholder[1..];
        if (name.StartsWith("account", StringComparison.Ordinal) && int.TryParse(name.AsSpan(7), out var i))
        {
            return i is >= 0 and < DevAccounts.Count
                ? DevAccounts.Address(i).ToLowerHex()
                : throw Invalid(field, $"{placeholder}: accounts go from $account0 to $account{DevAccounts.Count - 1}.");
        }
        return _byName.TryGetValue(name, out var contract)
            ? contract.Address
            : throw Invalid(field, $"Unknown placeholder {placeholder}: use $account0…$account{DevAccounts.Count - 1} or the name of a contract deployed by an earlier step{Known()}.");
    }

    private string Known() => _byName.Count == 0 ? "" : $" (deployed so far: {string.Join(", ", _byName.Keys)})";

    private static ContractFailureException Invalid(string field, string message) => new(ContractFailureKind.InvalidInput, field, message);
}
