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
            points.Add(new(Metrics.SecondsSinceLastBlock, null, time, Math.Max(0, (time - previous.Time).TotalSeconds)));
            BlockWindow.AddIdle(points, time, previous.Time, seen.Interval);
            return points;
        }
        var blocks = await source.ReadBlocksAsync(reader, Math.Max(previous.Height + 1, state.Height + 1 - maxBlocks), state.Height, ct);
        var latest = blocks[^1];
        points.Add(new(Metrics.SecondsSinceLastBlock, null, time, Math.Max(0, (time - latest.Time).TotalSeconds)));
        var interval = BlockWindow.Add(points, time, previous, blocks, seen.Interval);
        _lastSeen[networkId] = (latest, interval);
        return points;
    }
}
