using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// Averages raw samples into per-minute values and those into per-hour values for every finished period not
/// rolled up yet, then deletes what is past its retention (raw 1 day, minutes 30 days, hours 1 year by default).
/// A recurring Hangfire job; safe to run twice (it continues after the newest period written), so it retries.
/// </summary>
public sealed class MetricRollupJob(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, IOptions<MonitoringOptions> options)
{
    /// <summary>The recurring job's id.</summary>
    public const string Id = "metric-rollup";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = await RollUpAsync(MetricSample.Raw, MetricSample.Minute, now, ct);
        var hours = await RollUpAsync(MetricSample.Minute, MetricSample.Hour, now, ct);
        var o = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await Delete(db, MetricSample.Raw, now.AddHours(-o.RawRetentionHours), ct)
            + await Delete(db, MetricSample.Minute, now.AddDays(-o.MinuteRetentionDays), ct)
            + await Delete(db, MetricSample.Hour, now.AddDays(-o.HourRetentionDays), ct);
        return $"Rolled up {minutes} minute and {hours} hour value(s); deleted {deleted} expired value(s).";
    }

    /// <summary>Writes the averages of every finished <paramref name="target"/> period after the newest one already written.</summary>
    public async Task<int> RollUpAsync(int source, int target, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = TimeSpan.FromSeconds(target);
        var end = Floor(now, period);
        var newest = await db.MetricSamples.Where(s => s.Resolution == target).MaxAsync(s => (DateTime?)s.Time, ct);
        var start = newest is { } n ? n + period
            : await db.MetricSamples.Where(s => s.Resolution == source).MinAsync(s => (DateTime?)s.Time, ct) is { } first ? Floor(first, period) : end;
        if (start >= end)
        {
            return 0;
        }
        var rows = await db.MetricSamples.AsNoTracking()
            .Where(s => s.Resolution == source && s.Time >= start && s.Time < end)
            .Select(s => new { s.NetworkId, s.NodeId, s.Metric, s.Time, s.Value }).ToListAsync(ct);
        var averages = rows
            .GroupBy(r => (r.NetworkId, r.NodeId, r.Metric, Period: Floor(r.Time, period)))
            .Select(g => new MetricSample
            {
                NetworkId = g.Key.NetworkId, NodeId = g.Key.NodeId, Metric = g.Key.Metric, Resolution = target, Time = g.Key.Period, Value = g.Average(r => r.Value),
            }).ToList();
        db.MetricSamples.AddRange(averages);
        await db.SaveChangesAsync(ct);
        return averages.Count;
    }

    private static Task<int> Delete(PortalDbContext db, int resolution, DateTime before, CancellationToken ct) =>
        db.MetricSamples.Where(s => s.Resolution == resolution && s.Time < before).ExecuteDeleteAsync(ct);

    private static DateTime Floor(DateTime time, TimeSpan period) => new(time.Ticks - time.Ticks % period.Ticks, DateTimeKind.Utc);
}
