using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// The block metrics both samplers (<see cref="ChainSampler"/> for Ethereum, <see cref="BlockSampler"/> for Neo and
/// Litecoin) derive from the blocks produced since their previous round, measured on the blocks' own times.
/// </summary>
internal static class BlockWindow
{
    /// <summary>
    /// Block times on Ethereum and Litecoin are whole seconds, rounded down: a block made at 10.9 s says 10 s.
    /// </summary>
    private const double TimestampResolutionSeconds = 1;

    /// <summary>
    /// No block since the last round: the last window's rate still stands (a round between two blocks is not a drop
    /// to 0), until the next block is overdue (twice the usual interval, plus the block time's rounding); then TPS is 0.
    /// Without the rounding margin a busy 1 s chain read "0 tx/s" whenever one block came a fraction late, and a TPS
    /// alert that was pending went back to normal in the middle of a steady workload.
    /// </summary>
    public static void AddIdle(List<MetricPoint> points, DateTime time, DateTime lastBlock, double interval)
    {
        if (IsOverdue(time, lastBlock, interval))
        {
            points.Add(new(Metrics.Tps, null, time, 0));
        }
    }

    public static bool IsOverdue(DateTime time, DateTime lastBlock, double interval) =>
        (time - lastBlock).TotalSeconds >= 2 * Math.Max(1, interval) + TimestampResolutionSeconds;

    /// <summary>
    /// TPS, transactions per block and block interval over <paramref name="blocks"/> (in order, after
    /// <paramref name="previous"/>); returns the interval to keep for the next round.
    /// </summary>
    public static double Add(List<MetricPoint> points, DateTime time, BlockStat previous, IReadOnlyList<BlockStat> blocks, double lastInterval)
    {
        // A genesis block carries the engine's fixed timestamp (years ago on Neo and Litecoin), so windows never start at it.
        var contiguous = blocks[0].Height == previous.Height + 1 && previous.Height > 0;
        var start = contiguous ? previous.Time : blocks[0].Time;
        var intervals = contiguous ? blocks.Count : blocks.Count - 1;
        var seconds = (blocks[^1].Time - start).TotalSeconds;
        var transactions = blocks.Sum(b => b.Transactions);
        points.Add(new(Metrics.Tps, null, time, Math.Round(transactions / Math.Max(1, seconds), 3)));
        points.Add(new(Metrics.TransactionsPerBlock, null, time, Math.Round((double)transactions / blocks.Count, 3)));
        if (intervals == 0)
        {
            return lastInterval;
        }
        var interval = seconds / intervals;
        points.Add(new(Metrics.BlockIntervalSeconds, null, time, Math.Round(interval, 3)));
        return interval;
    }
}
