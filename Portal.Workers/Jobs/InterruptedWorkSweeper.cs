using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Persistence;
using NutPortal.Core.Scanning;

namespace NutPortal.Workers.Jobs;

/// <summary>
/// On the embedded default (SQLite: one portal process), a scan or test run still "running" at start was cut
/// off by the portal stopping (killed, crashed): its throw-away node died with it, and Hangfire would hand its
/// job out again only after the invisibility timeout. Such runs end failed with the reason at once. Queued ones
/// stay queued: their jobs survive in Hangfire's storage and run. On PostgreSQL several replicas share the
/// work, so a starting replica never judges another's runs; Hangfire redelivers a dead replica's job (sliding
/// invisibility) and the job ends what it finds interrupted (<see cref="ContractTests.ContractTestRunJob"/>).
/// </summary>
internal sealed class InterruptedWorkSweeper(IDbContextFactory<PortalDbContext> dbFactory, IOptions<PortalOptions> portal, TimeProvider clock) : IHostedService
{
    public const string Reason = "The portal stopped before this run finished; run the suite again.";

    public const string ScanReason = "The portal stopped before this scan finished; scan again.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (portal.Value.Database.Provider == DatabaseProvider.Postgres)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EndRunsAsync(db, db.ContractTestRuns.Where(r => r.Status == TestRunStatus.Running), now, cancellationToken);
        await db.Scans.Where(s => s.Status == ScanStatus.Running).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Status, ScanStatus.Failed)
            .SetProperty(s => s.Error, ScanReason)
            .SetProperty(s => s.FinishedAt, now), cancellationToken);
    }

    /// <summary>Ends the given runs as errors with <see cref="Reason"/>; their unfinished steps become skipped.</summary>
    public static async Task EndRunsAsync(PortalDbContext db, IQueryable<ContractTestRun> running, DateTime now, CancellationToken cancellationToken)
    {
        await db.ContractTestStepResults
            .Where(s => running.Any(r => r.Id == s.RunId) && (s.Outcome == TestStepOutcome.Pending || s.Outcome == TestStepOutcome.Running))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Outcome, TestStepOutcome.Skipped), cancellationToken);
        await running.ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, TestRunStatus.Error)
            .SetProperty(r => r.Error, Reason)
            .SetProperty(r => r.FinishedAt, now), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
