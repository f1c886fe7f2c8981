using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Jobs;
using Quartz;

namespace NutPortal.Workers.Maintenance;

/// <summary>Deletes job-run records older than the retention period, so the run log stays small.</summary>
[DisallowConcurrentExecution]
public sealed class JobRunRetentionJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    LiveNotifier notifier,
    TimeProvider clock,
    IOptions<WorkerOptions> options,
    ILogger<JobRunRetentionJob> logger) : PortalJob(dbFactory, notifier, clock, logger)
{
    public const string Name = "job-run-retention";

    protected override async Task<string?> RunAsync(IJobExecutionContext context, CancellationToken ct)
    {
        var cutoff = Clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(options.Value.JobRunRetentionDays);
        await using var db = await DbFactory.CreateDbContextAsync(ct);
        var deleted = await db.JobRuns.Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(ct);
        return $"Deleted {deleted} run record(s) older than {options.Value.JobRunRetentionDays} day(s).";
    }
}
