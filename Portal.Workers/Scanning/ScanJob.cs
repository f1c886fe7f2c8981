using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;
using NutPortal.Core.Scanning;
using NutPortal.Workers.Jobs;
using Quartz;

namespace NutPortal.Workers.Scanning;

/// <summary>One scan per trigger (the scan id travels in the trigger's data).</summary>
public sealed class ScanJob(
    ScanService scans,
    IDbContextFactory<PortalDbContext> dbFactory,
    LiveNotifier notifier,
    TimeProvider clock,
    ILogger<ScanJob> logger) : PortalJob(dbFactory, notifier, clock, logger)
{
    public const string Name = "scan-contract";
    public const string ScanIdKey = "scanId";

    protected override Task<string?> RunAsync(IJobExecutionContext context, CancellationToken ct)
    {
        var id = context.MergedJobDataMap.GetString(ScanIdKey) ?? throw new InvalidOperationException("scan-contract needs a scanId.");
        return scans.RunAsync(id, ct)!;
    }
}

/// <summary>Queues scans as one-off Quartz triggers of the scan job.</summary>
internal sealed class QuartzScanQueue(ISchedulerFactory schedulers) : IScanQueue
{
    public async Task EnqueueAsync(string scanId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(new JobKey(ScanJob.Name), new JobDataMap { [ScanJob.ScanIdKey] = scanId }, ct);
    }
}
