using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.ContractTests;

/// <summary>
/// Runs are triggered in memory: a run that was queued or running when the portal stopped will never finish, and
/// its throw-away node died with the portal. At start such runs are closed as errors so no page shows them
/// running forever.
/// </summary>
internal sealed class InterruptedRunSweeper(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = db.ContractTestRuns.Where(r => (r.Status == TestRunStatus.Queued || r.Status == TestRunStatus.Running) && r.CreatedAt < now);
        await db.ContractTestStepResults
            .Where(s => open.Any(r => r.Id == s.RunId) && (s.Outcome == TestStepOutcome.Pending || s.Outcome == TestStepOutcome.Running))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Outcome, TestStepOutcome.Skipped), cancellationToken);
        await open.ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, TestRunStatus.Error)
            .SetProperty(r => r.Error, "The portal stopped before this run finished; run the suite again.")
            .SetProperty(r => r.FinishedAt, now), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
