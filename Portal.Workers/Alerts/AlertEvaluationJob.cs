using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Live;
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
    ILogger<AlertEvaluationJob> logger) : PortalJob(dbFactory, notifier, clock, logger)
{
    public const string Name = "alert-evaluation";

    // Runs every few seconds: only evaluations that moved an alert (or failed) are kept in the run log.
    protected override bool RecordsQuietRuns => false;

    protected override async Task<string?> RunAsync(IJobExecutionContext context, CancellationToken ct) =>
        await engine.EvaluateAsync(ct) is var changed and > 0 ? $"{changed} alert(s) changed state." : null;
}
