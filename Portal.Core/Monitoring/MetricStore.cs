using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Monitoring;

/// <summary>
/// Writes raw samples and reads series back: from raw samples while the range is within raw retention, else
/// from per-minute or per-hour averages (topped up with the newest raw samples not rolled up yet), then
/// averaged into <c>step</c>-second buckets per node.
/// </summary>
public sealed class MetricStore(IDbContextFactory<PortalDbContext> dbFactory, IOptions<MonitoringOptions> options, TimeProvider clock)
{
    public async Task AddAsync(string networkId, IReadOnlyList<MetricPoint> points, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.MetricSamples.AddRange(points.Select(p => new MetricSample
        {
            NetworkId = networkId, NodeId = p.NodeId, Metric = p.Metric, Resolution = MetricSample.Raw, Time = p.Time, Value = p.Value,
        }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The resolution a range starting at <paramref name="from"/> is read at.</summary>
    public int ResolutionFor(DateTime from)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return from >= now.AddHours(-options.Value.RawRetentionHours) ? MetricSample.Raw
            : from >= now.AddDays(-options.Value.MinuteRetentionDays) ? MetricSample.Minute
            : MetricSample.Hour;
    }

    public async Task<IReadOnlyList<MetricPoint>> QueryAsync(string networkId, string metric, DateTime from, DateTime to, int? stepSeconds, CancellationToken ct = default)
    {
        var resolution = ResolutionFor(from);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Range(db, networkId, metric, resolution, from, to).ToListAsync(ct);
        if (resolution != MetricSample.Raw)
        {
            var newest = rows.Count == 0 ? from : rows.Max(r => r.Time).AddSeconds(resolution);
            rows.AddRange(await Range(db, networkId, metric, MetricSample.Raw, newest > from ? newest : from, to).ToListAsync(ct));
        }
        var points = rows.Select(r => new MetricPoint(metric, r.NodeId, r.Time, r.Value));
        return stepSeconds is { } step ? Bucket(points, step) : [.. points.OrderBy(p => p.Time).ThenBy(p => p.NodeId, StringComparer.Ordinal)];
    }

    /// <summary>Averages points into step-second buckets aligned to the Unix epoch, separately per node.</summary>
    public static IReadOnlyList<MetricPoint> Bucket(IEnumerable<MetricPoint> points, int stepSeconds)
    {
        var stepTicks = TimeSpan.FromSeconds(stepSeconds).Ticks;
        return [.. points
            .GroupBy(p => (Bucket: p.Time.Ticks / stepTicks, p.NodeId))
            .Select(g => new MetricPoint(g.First().Metric, g.Key.NodeId, new DateTime(g.Key.Bucket * stepTicks, DateTimeKind.Utc), g.Average(p => p.Value)))
            .OrderBy(p => p.Time).ThenBy(p => p.NodeId, StringComparer.Ordinal)];
    }

    private static IQueryable<MetricSample> Range(PortalDbContext db, string networkId, string metric, int resolution, DateTime from, DateTime to) =>
        db.MetricSamples.AsNoTracking()
            .Where(s => s.NetworkId == networkId && s.Metric == metric && s.Resolution == resolution && s.Time >= from && s.Time <= to);
}
