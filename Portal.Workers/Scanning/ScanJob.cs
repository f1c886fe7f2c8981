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
    ILogger<ScanJob> logger) : OnDemandJob(dbFactory, notifier, clock, logger)
{
    public const string Name = "scan-contract";

    protected override Task<string> RunAsync(string id, CancellationToken ct) => scans.RunAsync(id, ct);
}

/// <summary>Queues scans as one-off Quartz triggers of the scan job.</summary>
internal sealed class QuartzScanQueue(ISchedulerFactory schedulers) : IScanQueue
{
    public Task EnqueueAsync(string scanId, CancellationToken ct) => OnDemandJob.TriggerAsync(schedulers, ScanJob.Name, scanId, ct);
}
