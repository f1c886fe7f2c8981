using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.ContractTests;

/// <summary>Writes a run's progress (one short database operation per change) and publishes each change live.</summary>
internal sealed class ContractTestRunRecorder(IDbContextFactory<PortalDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock)
{
    /// <summary>Marks a queued run Running; null when it does not exist or is not queued (a duplicate trigger).</summary>
    public async Task<ContractTestRun?> StartAsync(string runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ContractTestRuns.SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is not { Status: TestRunStatus.Queued })
        {
            return null;
        }
        run.Status = TestRunStatus.Running;
        run.StartedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await PublishAsync(run, null);
        return run;
    }

    public async Task StepStartedAsync(ContractTestRun run, int index, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ContractTestStepResults.Where(s => s.RunId == run.Id && s.Index == index)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Outcome, TestStepOutcome.Running), ct);
        await PublishAsync(run, index);
    }

    public async Task StepFinishedAsync(ContractTestRun run, int index, StepReport report, long durationMs)
    {
        var message = ContractTestSuitesText.Truncate(report.Message, 4000);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.ContractTestStepResults.Where(s => s.RunId == run.Id && s.Index == index)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Outcome, report.Outcome)
                .SetProperty(s => s.Message, message)
                .SetProperty(s => s.GasUsed, report.GasUsed)
                .SetProperty(s => s.DurationMs, durationMs), CancellationToken.None);
        await PublishAsync(run, index);
    }

    /// <summary>Who asked to stop the run, once someone has (read from the database: the request may come from any replica).</summary>
    public async Task<string?> CancelledByAsync(string runId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContractTestRuns.AsNoTracking().Where(r => r.Id == runId).Select(r => r.CancelledBy).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Ends the run: steps from <paramref name="skipFrom"/> that never ran are Skipped; the status is Cancelled when
    /// someone asked to stop it, Error when the run could not execute (<paramref name="error"/>) or a step errored,
    /// Failed when a step failed, else Passed.
    /// </summary>
    public async Task<TestRunStatus> FinishAsync(ContractTestRun run, string? error, int skipFrom = 0)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var stored = await db.ContractTestRuns.Include(r => r.Steps).SingleAsync(r => r.Id == run.Id, CancellationToken.None);
        foreach (var step in stored.Steps.Where(s => s.Index >= skipFrom && s.Outcome is TestStepOutcome.Pending or TestStepOutcome.Running))
        {
            step.Outcome = TestStepOutcome.Skipped;
        }
        stored.Error = error is null ? null : ContractTestSuitesText.Truncate(error, 4000);
        stored.Status = stored.CancelledBy is not null ? TestRunStatus.Cancelled
            : error is not null || stored.Steps.Any(s => s.Outcome == TestStepOutcome.Error) ? TestRunStatus.Error
            : stored.Steps.Any(s => s.Outcome == TestStepOutcome.Failed) ? TestRunStatus.Failed
            : TestRunStatus.Passed;
        stored.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        run.Status = stored.Status;
        await PublishAsync(run, null);
        return stored.Status;
    }

    private Task PublishAsync(ContractTestRun run, int? step) =>
        notifier.PublishAsync(new ContractTestRunChanged(run.Id, run.SuiteId, run.ProjectId, run.Status, step));
}

internal static class ContractTestSuitesText
{
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
