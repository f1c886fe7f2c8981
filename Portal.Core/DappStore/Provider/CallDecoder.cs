using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.DappStore.Provider;

/// <summary>
/// Decodes a transaction's data with the ABIs of the DApp's saved contracts (on the DApp's network): the function and
/// its arguments, or, for another address or an unknown selector, the raw data without a guess.
/// </summary>
public static class CallDecoder
{
    public static DecodedCall Decode(DappDetail dapp, string networkId, Address? to, byte[] data)
    {
        var raw = Hex.Encode(data);
        var contract = to is { } target && networkId == dapp.Dapp.NetworkId
            ? dapp.Contracts.FirstOrDefault(c => Address.TryParse(c.Address, out var a) && a.Equals(target))
            : null;
        if (contract is null || data.Length < 4)
        {
            return new DecodedCall(contract?.Name, null, [], raw);
        }
        try
        {
            var function = ContractAbi.Parse(contract.AbiJson).FindFunctionBySelector(data);
            if (function is null)
            {
                return new DecodedCall(contract.Name, null, [], raw);
            }
            var values = function.DecodeCall(data);
            var arguments = function.Inputs.Select((p, i) => (p.Name.Length > 0 ? p.Name : $"arg{i}", p.Type.ToString(), Show(AbiValueFormatter.ToJson(p.Type, values[i])))).ToList();
            return new DecodedCall(contract.Name, function.Signature, arguments, raw);
        }
        catch (Exception e) when (e is AbiException or FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            // Data that does not decode under the selector's function is shown raw, never guessed at.
            return new DecodedCall(contract.Name, null, [], raw);
        }
    }

    private static string Show(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";
}
