using System.Collections.Concurrent;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// Chain metrics for platforms read through their own RPC (<see cref="IBlockSource"/>: Neo, Litecoin): each round
/// reads the blocks produced since the previous round from one node and turns them into TPS, transactions per
/// block and block interval, measured on the blocks' own times; the pool size comes from the node's state.
/// </summary>
public sealed class BlockSampler
{
    private readonly ConcurrentDictionary<string, (BlockStat Block, double Interval)> _lastSeen = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Followed => [.. _lastSeen.Keys];

    public void Forget(string networkId) => _lastSeen.TryRemove(networkId, out _);

    public async Task<IReadOnlyList<MetricPoint>> SampleAsync(
        string networkId, IBlockSource source, NetworkNode reader, NodeChainState state, DateTime time, int maxBlocks, CancellationToken ct)
    {
        var points = new List<MetricPoint> { new(Metrics.BlockHeight, null, time, state.Height), new(Metrics.PendingTransactions, null, time, state.MempoolSize) };
        var previous = _lastSeen.TryGetValue(networkId, out var seen) && seen.Block.Height <= state.Height ? seen.Block : null;
        if (previous is null)
        {
            var head = (await source.ReadBlocksAsync(reader, state.Height, state.Height, ct))[0];
            _lastSeen[networkId] = (head, 0);
            points.Add(new(Metrics.SecondsSinceLastBlock, null, time, Math.Max(0, (time - head.Time).TotalSeconds)));
            return points; // a baseline: no block window yet
        }
        if (previous.Height == state.Height)
        {
            var since = (time - previous.Time).TotalSeconds;
            points.Add(new(Metrics.SecondsSinceLastBlock, null, time, Math.Max(0, since)));
            // Between two blocks the last window's rate stands, until the next block is overdue (twice the interval).
            if (since >= 2 * Math.Max(1, seen.Interval))
            {
                points.Add(new(Metrics.Tps, null, time, 0));
            }
            return points;
        }
        var blocks = await source.ReadBlocksAsync(reader, Math.Max(previous.Height + 1, state.Height + 1 - maxBlocks), state.Height, ct);
        var latest = blocks[^1];
        // A genesis block carries the engine's fixed timestamp (years ago), so windows never start at it.
        var contiguous = blocks[0].Height == previous.Height + 1 && previous.Height > 0;
        var start = contiguous ? previous.Time : blocks[0].Time;
        var intervals = contiguous ? blocks.Count : blocks.Count - 1;
        var seconds = (latest.Time - start).TotalSeconds;
        var transactions = blocks.Sum(b => b.Transactions);
        points.Add(new(Metrics.SecondsSinceLastBlock, null, time, Math.Max(0, (time - latest.Time).TotalSeconds)));
        points.Add(new(Metrics.Tps, null, time, Math.Round(transactions / Math.Max(1, seconds), 3)));
        points.Add(new(Metrics.TransactionsPerBlock, null, time, Math.Round((double)transactions / blocks.Count, 3)));
        var interval = intervals > 0 ? seconds / intervals : seen.Interval;
        if (intervals > 0)
        {
            points.Add(new(Metrics.BlockIntervalSeconds, null, time, Math.Round(interval, 3)));
        }
        _lastSeen[networkId] = (latest, interval);
        return points;
    }
}
