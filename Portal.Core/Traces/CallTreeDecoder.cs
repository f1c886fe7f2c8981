using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Explorer;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Traces;

/// <summary>Turns callTracer frames into views: values in ETH, function signatures and revert reasons decoded where possible.</summary>
public sealed class CallTreeDecoder(IContractAbiLookup abis)
{
    public async Task<CallFrameView> DecodeAsync(string networkId, RpcCallFrame frame, CancellationToken ct)
    {
        var abi = frame.To is { } to ? await abis.FindAsync(networkId, to.ToLowerInvariant(), ct) : null;
        var calls = new List<CallFrameView>();
        foreach (var child in frame.Calls ?? [])
        {
            calls.Add(await DecodeAsync(networkId, child, ct));
        }
        var input = Hex.TryDecode(frame.Input, out var bytes) ? bytes : [];
        return new CallFrameView(
            frame.Type, frame.From.ToLowerInvariant(), frame.To?.ToLowerInvariant(), Wei.ToEth(frame.Value ?? 0),
            (long?)frame.Gas, (long?)frame.GasUsed, frame.Input, frame.Output, frame.Error,
            abi?.FindFunctionBySelector(input)?.Signature, Revert(frame, abi), calls);
    }

    private static string? Revert(RpcCallFrame frame, ContractAbi? abi)
    {
        if (frame.Error is null)
        {
            return null;
        }
        if (Hex.TryDecode(frame.Output, out var data) && data.Length > 0)
        {
            try
            {
                return RevertReason.Decode(data, abi?.Errors).Message;
            }
            catch (AbiException)
            {
                // fall back to the node's own decoding
            }
        }
        return frame.RevertReason;
    }
}
