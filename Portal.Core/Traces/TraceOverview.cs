using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Explorer;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Traces;

/// <summary>Which transactions the traces API lists (the newest <see cref="Limit"/>).</summary>
public sealed record TraceFilter(bool? Succeeded = null, bool SentByPortalOnly = false, int Limit = 100);

/// <summary>One transaction on the traces page: its stage durations (ms) and slowest stage.</summary>
public sealed record TraceRow(string Hash, long BlockNumber, bool? Succeeded, bool SentByPortal, IReadOnlyList<StageSpan> Stages, string? Slowest)
{
    public double TotalMilliseconds => Stages.Count == 0 ? 0 : (Stages.Max(s => s.End ?? s.Start) - Stages.Min(s => s.Start)).TotalMilliseconds;

    public DateTime Started => Stages.Count == 0 ? default : Stages.Min(s => s.Start);
}

/// <summary>Percentiles of one stage's duration over the listed transactions (finished stages only).</summary>
public sealed record StageStatistics(string Stage, int Count, double P50, double P95, double P99);

public sealed record TraceOverviewResult(IReadOnlyList<TraceRow> Rows, IReadOnlyList<StageStatistics> Stages);

/// <summary>
/// Transactions' traces in bulk (three queries, however many rows) and per-stage p50/p95/p99. The traces page's
/// paged, filtered view is in <see cref="TraceOverview.PageAsync"/> (TraceGrid.cs).
/// </summary>
public sealed partial class TraceOverview(IDbContextFactory<PortalDbContext> dbFactory, IOptions<ExplorerOptions> options)
{
    public async Task<TraceOverviewResult> LoadAsync(string networkId, TraceFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Matching(db, new TraceQuery(networkId, filter.Succeeded, filter.SentByPortalOnly));
        var txs = await query.OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex)
            .Take(Math.Clamp(filter.Limit, 1, 1000)).ToListAsync(ct);
        var rows = await RowsAsync(db, networkId, txs, ct);
        return new TraceOverviewResult(rows, Statistics(rows, TraceStages.All));
    }

    /// <summary>Transactions of the network matching status and sender, in no particular order.</summary>
    private static IQueryable<ChainTransaction> Matching(PortalDbContext db, TraceQuery query)
    {
        var portalHashes = db.TraceSpans.Where(s => s.NetworkId == query.NetworkId).Select(s => s.TransactionHash);
        var matching = db.ChainTransactions.AsNoTracking().Where(t => t.NetworkId == query.NetworkId);
        if (query.Succeeded is { } ok)
        {
            matching = matching.Where(t => t.Status == (ok ? 1 : 0));
        }
        if (query.SentByPortalOnly)
        {
            matching = matching.Where(t => portalHashes.Contains(t.Hash));
        }
        return matching;
    }

    /// <summary>The rows of the given transactions with their stages: the blocks around them and their spans in two queries.</summary>
    private async Task<List<TraceRow>> RowsAsync(PortalDbContext db, string networkId, IReadOnlyList<ChainTransaction> txs, CancellationToken ct)
    {
        var depth = options.Value.ConfirmationDepth;
        var numbers = txs.SelectMany(t => new[] { t.BlockNumber - 1, t.BlockNumber, t.BlockNumber + depth }).Distinct().ToList();
        var blocks = await db.ChainBlocks.AsNoTracking().Where(b => b.NetworkId == networkId && numbers.Contains(b.Number)).ToDictionaryAsync(b => b.Number, ct);
        var hashes = txs.Select(t => t.Hash).ToList();
        var spans = (await db.TraceSpans.AsNoTracking().Where(s => s.NetworkId == networkId && hashes.Contains(s.TransactionHash)).ToListAsync(ct))
            .ToLookup(s => s.TransactionHash, StringComparer.Ordinal);
        var indexed = await db.ChainBlocks.Where(b => b.NetworkId == networkId).MaxAsync(b => (long?)b.Number, ct) ?? 0;
        var rows = new List<TraceRow>();
        foreach (var tx in txs.Where(t => blocks.ContainsKey(t.BlockNumber)))
        {
            var context = new StageBlocks(blocks[tx.BlockNumber].Timestamp, blocks.GetValueOrDefault(tx.BlockNumber - 1)?.Timestamp,
                blocks.GetValueOrDefault(tx.BlockNumber + depth), indexed, depth);
            var stages = StageBuilder.Build(tx, context, [.. spans[tx.Hash]]);
            rows.Add(new TraceRow(tx.Hash, tx.BlockNumber, tx.Status is { } s ? s == 1 : null, spans[tx.Hash].Any(), stages, StageBuilder.Slowest(stages)));
        }
        return rows;
    }

    private static List<StageStatistics> Statistics(IReadOnlyList<TraceRow> rows, IReadOnlyList<string> stages) =>
        [.. stages.Select(stage => (stage, values: rows.SelectMany(r => r.Stages)
                .Where(s => s.Stage == stage && s.DurationMilliseconds is not null).Select(s => s.DurationMilliseconds!.Value).Order().ToList()))
            .Where(x => x.values.Count > 0)
            .Select(x => new StageStatistics(x.stage, x.values.Count, Percentile(x.values, 0.50), Percentile(x.values, 0.95), Percentile(x.values, 0.99)))];

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
