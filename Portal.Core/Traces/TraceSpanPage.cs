using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Traces;

/// <summary>Percentiles of one per-node stage (propagation or import) on one node, over the analysed traces.</summary>
public sealed record NodeStageStatistics(string Node, string Stage, int Count, double P50, double P95, double P99);

public sealed partial class TraceOverview
{
    /// <summary>
    /// Traces of a network the explorer does not index (Neo, Litecoin): the transactions the portal sent and watched,
    /// from their recorded spans alone (newest first by when their last stage ended). No status is known without an
    /// index, so a status filter matches none of them; the time range applies to when each transaction started.
    /// </summary>
    private static async Task<TracePage> SpanPageAsync(PortalDbContext db, TraceQuery query, PageRequest page, CancellationToken ct)
    {
        var spans = db.TraceSpans.AsNoTracking().Where(s => s.NetworkId == query.NetworkId);
        var newest = spans.GroupBy(s => s.TransactionHash).Select(g => new { Hash = g.Key, Started = g.Min(s => s.StartedAt), Ended = g.Max(s => s.EndedAt) });
        if (query.From is { } from)
        {
            newest = newest.Where(t => t.Started >= from);
        }
        if (query.To is { } to)
        {
            newest = newest.Where(t => t.Started <= to);
        }
        var hashes = query.Succeeded is null
            ? await newest.OrderByDescending(t => t.Ended).Take(Window + 1).Select(t => t.Hash).ToListAsync(ct)
            : [];
        var windowFull = hashes.Count > Window;
        hashes = [.. hashes.Take(Window)];
        var recorded = (await spans.Where(s => hashes.Contains(s.TransactionHash)).ToListAsync(ct)).ToLookup(s => s.TransactionHash, StringComparer.Ordinal);
        var rows = hashes.Select(hash =>
        {
            var stages = StageBuilder.FromSpans([.. recorded[hash]]);
            // Sent by the portal when it recorded the submission; the trace watcher's traces of others' transactions have none.
            return new TraceRow(hash, recorded[hash].Select(s => s.BlockNumber).Max() ?? -1, null, recorded[hash].Any(s => s.Stage == TraceStages.Submitted), stages,
                StageBuilder.Slowest(stages));
        }).ToList();
        if (query.SlowestStage is { Length: > 0 } stage)
        {
            rows = [.. rows.Where(r => r.Slowest == stage)];
        }
        return new TracePage(Paged(rows, page), Statistics(rows, TraceStages.InOrder), Histogram([.. rows.Select(r => r.TotalMilliseconds)], HistogramBuckets), windowFull,
            NodeStatistics(rows), Indexed: false);
    }

    /// <summary>Per node, the p50/p95/p99 of each per-node stage (propagation to its pool, import of the including block).</summary>
    public static IReadOnlyList<NodeStageStatistics> NodeStatistics(IReadOnlyList<TraceRow> rows) =>
        [.. rows.SelectMany(r => r.Stages).Where(s => s.Node is not null && s.DurationMilliseconds is not null)
            .GroupBy(s => (Node: s.Node!, s.Stage))
            .OrderBy(g => g.Key.Node, StringComparer.Ordinal).ThenBy(g => TraceStages.InOrder.ToList().IndexOf(g.Key.Stage))
            .Select(g =>
            {
                var values = g.Select(s => s.DurationMilliseconds!.Value).Order().ToList();
                return new NodeStageStatistics(g.Key.Node, g.Key.Stage, values.Count, Percentile(values, 0.50), Percentile(values, 0.95), Percentile(values, 0.99));
            })];
}
