using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Explorer;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Workers.Explorer;

/// <summary>What one poll of a node returned: its head and the blocks from the requested number on that exist.</summary>
public sealed record FetchResult(long NodeHeight, IReadOnlyList<FetchedBlock> Blocks);

/// <summary>
/// One JSON-RPC batch per poll: eth_blockNumber plus eth_getBlockByNumber(full) and eth_getBlockReceipts for
/// each wanted block, so a caught-up indexer makes one round trip per poll and none per transaction.
/// </summary>
public static class BlockFetcher
{
    public static async Task<FetchResult> FetchAsync(IJsonRpcClient rpc, long from, int count, CancellationToken ct)
    {
        var batch = new JsonRpcBatch();
        var head = batch.Add<ulong>("eth_blockNumber");
        var wanted = new List<(JsonRpcBatchItem<RpcBlock?> Block, JsonRpcBatchItem<IReadOnlyList<RpcReceipt>?> Receipts)>();
        for (var number = from; number < from + count; number++)
        {
            var parameter = BlockParameter.FromNumber((ulong)number);
            wanted.Add((batch.Add<RpcBlock?>("eth_getBlockByNumber", parameter, true), batch.Add<IReadOnlyList<RpcReceipt>?>("eth_getBlockReceipts", parameter)));
        }
        await rpc.SendBatchAsync(batch, cancellationToken: ct);
        var blocks = new List<FetchedBlock>();
        foreach (var (block, receipts) in wanted)
        {
            // A block past the head answers null: stop at the first gap, the next poll continues there.
            if (block.Result is not { } found || receipts.Result is not { } list)
            {
                break;
            }
            if (list.Any(r => !string.Equals(r.BlockHash, found.Hash, StringComparison.OrdinalIgnoreCase)))
            {
                break; // the node reorganised between the two calls; fetch again next poll
            }
            blocks.Add(new FetchedBlock(found, list));
        }
        return new FetchResult((long)head.Result, blocks);
    }
}
