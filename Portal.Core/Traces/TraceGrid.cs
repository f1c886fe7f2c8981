using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Explorer;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Traces;

/// <summary>The traces page's filters: network, status, sender, slowest stage and a time range (block timestamps, UTC).</summary>
public sealed record TraceQuery(
    string NetworkId, bool? Succeeded = null, bool SentByPortalOnly = false, string? SlowestStage = null, DateTime? From = null, DateTime? To = null);

/// <summary>How many traces took between <see cref="FromMilliseconds"/> (inclusive) and <see cref="ToMilliseconds"/> end to end.</summary>
public sealed record LatencyBucket(double FromMilliseconds, double ToMilliseconds, int Count);

/// <summary>
/// One page of traces, and over every trace in the analysed window: per-stage percentiles and a histogram of
/// end-to-end latency. <see cref="WindowFull"/>: more transactions match than the window holds (narrow the time range).
/// </summary>
public sealed record TracePage(
    PagedResult<TraceRow> Rows, IReadOnlyList<StageStatistics> Stages, IReadOnlyList<LatencyBucket> Latency, bool WindowFull,
    IReadOnlyList<NodeStageStatistics>? Nodes = null, bool Indexed = true);

public sealed partial class TraceOverview
{
    /// <summary>The most transactions one traces view analyses: the newest matching network, status, sender and time range.</summary>
    public const int Window = 2_000;

    private const int HistogramBuckets = 20;

    private static readonly int[] RoundMultiples = [1, 2, 5, 10];

    /// <summary>
    /// Network, status, sender and time range filter in the database (the time range becomes a block range through
    /// the blocks' timestamp index); the newest <see cref="Window"/> matches are then traced, filtered by slowest
    /// stage (a derived value), sorted by block (default) or end-to-end time, and paged. A network without an explorer
    /// index (Neo, Litecoin) is traced from the portal's recorded spans instead (<see cref="SpanPageAsync"/>).
    /// </summary>
    public async Task<TracePage> PageAsync(TraceQuery query, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.ChainBlocks.AnyAsync(b => b.NetworkId == query.NetworkId, ct))
        {
            return await SpanPageAsync(db, query, page, ct);
        }
        var matching = Matching(db, query);
        var blocks = db.ChainBlocks.Where(b => b.NetworkId == query.NetworkId);
        if (query.From is { } from)
        {
            var first = await blocks.Where(b => b.Timestamp >= from).OrderBy(b => b.Timestamp).ThenBy(b => b.Number).Select(b => (long?)b.Number).FirstOrDefaultAsync(ct);
            matching = first is { } low ? matching.Where(t => t.BlockNumber >= low) : matching.Where(t => false);
        }
        if (query.To is { } to)
        {
            var last = await blocks.Where(b => b.Timestamp <= to).OrderByDescending(b => b.Timestamp).ThenByDescending(b => b.Number).Select(b => (long?)b.Number).FirstOrDefaultAsync(ct);
            matching = last is { } high ? matching.Where(t => t.BlockNumber <= high) : matching.Where(t => false);
        }
        var txs = await matching.OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex).Take(Window + 1).ToListAsync(ct);
        var windowFull = txs.Count > Window;
        var rows = await RowsAsync(db, query.NetworkId, txs.Take(Window).ToList(), ct);
        if (query.SlowestStage is { Length: > 0 } stage)
        {
            rows = rows.Where(r => r.Slowest == stage).ToList();
        }
        return new TracePage(Paged(rows, page), Statistics(rows, TraceStages.All), Histogram([.. rows.Select(r => r.TotalMilliseconds)], HistogramBuckets), windowFull,
            NodeStatistics(rows));
    }

    /// <summary>Rows (newest first) sorted by end-to-end time or block as the page asks, and the page's slice of them.</summary>
    private static PagedResult<TraceRow> Paged(List<TraceRow> rows, PageRequest page)
    {
        IEnumerable<TraceRow> sorted = (page.SortBy, page.Descending) switch
        {
            ("total", true) => rows.OrderByDescending(r => r.TotalMilliseconds),
            ("total", false) => rows.OrderBy(r => r.TotalMilliseconds),
            ("block", false) => rows.AsEnumerable().Reverse(),
            _ => rows,
        };
        return new PagedResult<TraceRow>([.. sorted.Skip(page.Skip).Take(page.Size)], rows.Count);
    }

    /// <summary>Values counted in equal buckets of a round width (1, 2 or 5 times a power of ten), at most about <paramref name="buckets"/> of them.</summary>
    public static IReadOnlyList<LatencyBucket> Histogram(IReadOnlyList<double> values, int buckets)
    {
        if (values.Count == 0)
        {
            return [];
        }
        var width = RoundWidth(values.Max() / buckets);
        var counts = new int[(int)Math.Floor(values.Max() / width) + 1];
        foreach (var value in values)
        {
            counts[(int)Math.Floor(Math.Max(0, value) / width)]++;
        }
        return [.. counts.Select((count, i) => new LatencyBucket(i * width, (i + 1) * width, count))];
    }

    private static double RoundWidth(double raw)
    {
        if (raw <= 0)
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return RoundMultiples.Select(m => m * power).First(w => w >= raw);
    }
}
