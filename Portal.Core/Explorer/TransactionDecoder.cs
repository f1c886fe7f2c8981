using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Traces;

namespace NutPortal.Core.Explorer;

/// <summary>A call or event named and decoded with the contract's ABI; arguments by parameter name (or position).</summary>
public sealed record DecodedAbiValue(string Name, string Signature, JsonObject Arguments);

/// <summary>What of a transaction the ABIs known to the portal could decode: the call and each log (by log index).</summary>
public sealed record TransactionDecoding(DecodedAbiValue? Call, IReadOnlyDictionary<int, DecodedAbiValue> Logs)
{
    public static TransactionDecoding None { get; } = new(null, new Dictionary<int, DecodedAbiValue>());
}

/// <summary>
/// Decodes an indexed transaction's input and logs with the ABIs of contracts deployed through the portal.
/// Data that does not match the ABI (another contract's event, a hand-crafted call) stays raw rather than failing the page.
/// </summary>
public sealed class TransactionDecoder(IContractAbiLookup abis)
{
    public async Task<TransactionDecoding> DecodeAsync(string networkId, TransactionDetail detail, CancellationToken ct = default)
    {
        var known = new Dictionary<string, ContractAbi?>(StringComparer.Ordinal);
        async Task<ContractAbi?> AbiOf(string address)
        {
            var key = address.ToLowerInvariant();
            if (!known.TryGetValue(key, out var abi))
            {
                known[key] = abi = await abis.FindAsync(networkId, key, ct);
            }
            return abi;
        }

        var tx = detail.Transaction;
        DecodedAbiValue? call = null;
        if (tx.To is { } to && await AbiOf(to) is { } target && Hex.TryDecode(tx.Input, out var input) && target.FindFunctionBySelector(input) is { } function)
        {
            call = Try(() => new DecodedAbiValue(function.Name, function.Signature, AbiValueFormatter.ToJsonObject(function.Inputs, function.DecodeCall(input))));
        }
        var logs = new Dictionary<int, DecodedAbiValue>();
        foreach (var log in detail.Logs)
        {
            if (await AbiOf(log.Address) is not { } abi)
            {
                continue;
            }
            var topics = log.Topics.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var decoded = Try(() => abi.DecodeLog([.. topics.Select(Hex.Decode)], Hex.Decode(log.Data)) is { } d
                ? new DecodedAbiValue(d.Event.Name, d.Event.Signature, AbiValueFormatter.ToJsonObject(d.Event.Inputs, d.Values))
                : null);
            if (decoded is not null)
            {
                logs[log.LogIndex] = decoded;
            }
        }
        return new TransactionDecoding(call, logs);
    }

    private static DecodedAbiValue? Try(Func<DecodedAbiValue?> decode)
    {
        try
        {
            return decode();
        }
        catch (AbiException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
