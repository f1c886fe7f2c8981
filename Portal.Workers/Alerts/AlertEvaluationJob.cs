using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Jobs;
using Quartz;

namespace NutPortal.Workers.Alerts;

/// <summary>Evaluates every alert rule, every Portal:Alerts:EvaluationIntervalSeconds.</summary>
[DisallowConcurrentExecution]
public sealed class AlertEvaluationJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    LiveNotifier notifier,
    TimeProvider clock,
    AlertEngine engine,
    MonitoringLease lease,
    ILogger<AlertEvaluationJob> logger) : PortalJob(dbFactory, notifier, clock, logger)
{
    public const string Name = "alert-evaluation";

    // Runs every few seconds: only evaluations that moved an alert (or failed) are kept in the run log.
    protected override bool RecordsQuietRuns => false;

    // Evaluated by the replica that collects (it holds the latest values); others skip quietly.
    protected override async Task<string?> RunAsync(IJobExecutionContext context, CancellationToken ct)
    {
        if (!await lease.TryHoldAsync(ct))
        {
            return null;
        }
        var changed = await engine.EvaluateAsync(ct);
        return changed > 0 ? $"{changed} alert(s) changed state." : null;
    }
}
