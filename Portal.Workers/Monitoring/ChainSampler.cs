using System.Collections.Concurrent;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Workers.Monitoring;

/// <summary>The fields of a block the collector needs (transactions as hashes only).</summary>
public sealed record BlockSummary(ulong Number, ulong Timestamp, ulong GasLimit, ulong GasUsed, IReadOnlyList<string> Transactions);

/// <summary>
/// Follows a network's chain through one node: each round asks for the head and the pool in one batch, then
/// reads the blocks produced since the previous round in a second batch and turns them into block metrics.
/// </summary>
public sealed class ChainSampler(IJsonRpcClientFactory rpc)
{
    private readonly ConcurrentDictionary<string, (BlockSummary Block, double Interval)> _lastSeen = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<MetricPoint>> SampleAsync(string networkId, Uri endpoint, DateTime time, int maxBlocks, CancellationToken ct)
    {
        var client = rpc.CreateEthereum(endpoint);
        var batch = new JsonRpcBatch();
        var head = batch.Add<BlockSummary?>("eth_getBlockByNumber", BlockParameter.Latest, false);
        var pool = batch.Add<RpcTxPoolStatus>("txpool_status");
        await client.SendBatchAsync(batch, cancellationToken: ct);
        var latest = head.Result ?? throw new JsonRpcProtocolException("eth_getBlockByNumber", "The node returned no latest block.");
        var points = new List<MetricPoint>
        {
            new(Metrics.BlockHeight, null, time, latest.Number),
            new(Metrics.SecondsSinceLastBlock, null, time, Math.Max(0, (time - DateTime.UnixEpoch).TotalSeconds - latest.Timestamp)),
        };
        if (pool.Error is null)
        {
            points.Add(new(Metrics.PendingTransactions, null, time, pool.Result.Pending));
        }
        var previous = _lastSeen.TryGetValue(networkId, out var seen) && seen.Block.Number <= latest.Number ? seen.Block : null;
        if (previous is null)
        {
            _lastSeen[networkId] = (latest, 0);
            return points; // first round (or the chain was reset): a baseline, no block window yet
        }
        if (previous.Number == latest.Number)
        {
            BlockWindow.AddIdle(points, time, Stat(latest).Time, seen.Interval);
            return points;
        }
        // Moves on (below) only once the blocks were read: a failed read is measured in the next round instead of lost.
        var blocks = await ReadBlocksAsync(client, Math.Max(previous.Number + 1, latest.Number + 1 - (ulong)maxBlocks), latest, ct);
        var interval = BlockWindow.Add(points, time, Stat(previous), [.. blocks.Select(Stat)], seen.Interval);
        points.Add(new(Metrics.GasUsedPercent, null, time, Math.Round(blocks.Average(b => b.GasLimit == 0 ? 0 : 100.0 * b.GasUsed / b.GasLimit), 3)));
        _lastSeen[networkId] = (latest, interval);
        return points;
    }

    public void Forget(string networkId) => _lastSeen.TryRemove(networkId, out _);

    private static BlockStat Stat(BlockSummary b) => new((long)b.Number, DateTime.UnixEpoch.AddSeconds(b.Timestamp), b.Transactions.Count);

    /// <summary>Networks the sampler keeps a last-seen block for (to check that deleted networks are dropped).</summary>
    public IReadOnlyCollection<string> Followed => [.. _lastSeen.Keys];

    private static async Task<List<BlockSummary>> ReadBlocksAsync(IJsonRpcClient client, ulong from, BlockSummary latest, CancellationToken ct)
    {
        var batch = new JsonRpcBatch();
        var items = new List<JsonRpcBatchItem<BlockSummary?>>();
        for (var number = from; number < latest.Number; number++)
        {
            items.Add(batch.Add<BlockSummary?>("eth_getBlockByNumber", BlockParameter.FromNumber(number), false));
        }
        if (items.Count > 0)
        {
            await client.SendBatchAsync(batch, cancellationToken: ct);
        }
        return [.. items.Select(i => i.Result).OfType<BlockSummary>(), latest];
    }
}
