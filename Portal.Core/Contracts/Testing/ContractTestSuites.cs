using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>A suite saved, or why not (field errors such as <c>steps[2].function</c>).</summary>
public sealed record SuiteSaveResult(ContractTestSuite? Suite, IReadOnlyList<TestSuiteError> Errors);

/// <summary>A run queued, or why not.</summary>
public sealed record RunStartResult(ContractTestRun? Run, IReadOnlyList<TestSuiteError> Errors);

/// <summary>What a cancel request did: ended a queued run, asked a running one to stop, or found it already over.</summary>
public enum RunCancelOutcome
{
    Cancelled,
    Stopping,
    AlreadyFinished,
}

/// <summary>Test suites of contract projects: save (validated against the latest version), list, delete, and queue runs.</summary>
public sealed class ContractTestSuites(
    IDbContextFactory<PortalDbContext> dbFactory, ContractProjects projects, IContractTestQueue queue, LiveNotifier notifier, TimeProvider clock)
{
    public async Task<IReadOnlyList<ContractTestSuite>> ListAsync(string projectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var suites = await db.ContractTestSuites.AsNoTracking().Where(s => s.ProjectId == projectId).ToListAsync(ct);
        return [.. suites.OrderBy(s => s.CreatedAt).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    public async Task<ContractTestSuite?> GetAsync(string projectId, string suiteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContractTestSuites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == suiteId && s.ProjectId == projectId, ct);
    }

    /// <summary>Parses the steps and checks them against the project's latest version; errors name step and field.</summary>
    public async Task<IReadOnlyList<TestSuiteError>> ValidateAsync(string projectId, string? name, string? stepsJson, CancellationToken ct = default)
    {
        var errors = new List<TestSuiteError>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 128)
        {
            errors.Add(new("name", "A name of 1 to 128 characters is required."));
        }
        var (steps, stepErrors) = TestSuiteParser.Parse(stepsJson);
        errors.AddRange(stepErrors);
        if (stepErrors.Count == 0 && await projects.GetAsync(projectId, ct) is { Versions.Count: > 0 } project)
        {
            errors.AddRange(TestSuiteChecker.Check(steps, ContractProjects.Artifacts(project.Versions[^1])));
        }
        return errors;
    }

    /// <summary>Null when the project does not exist.</summary>
    public async Task<SuiteSaveResult?> CreateAsync(string projectId, string? name, string? stepsJson, string user, CancellationToken ct = default)
    {
        if (await projects.GetAsync(projectId, ct) is null)
        {
            return null;
        }
        var errors = await ValidateAsync(projectId, name, stepsJson, ct);
        if (errors.Count > 0)
        {
            return new SuiteSaveResult(null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var suite = new ContractTestSuite
        {
            Id = Guid.NewGuid().ToString("N"), ProjectId = projectId, Name = name!.Trim(), StepsJson = stepsJson!, CreatedBy = user, CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ContractTestSuites.Add(suite);
        await db.SaveChangesAsync(ct);
        return new SuiteSaveResult(suite, []);
    }

    /// <summary>Null when the suite does not exist in the project.</summary>
    public async Task<SuiteSaveResult?> UpdateAsync(string projectId, string suiteId, string? name, string? stepsJson, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var suite = await db.ContractTestSuites.SingleOrDefaultAsync(s => s.Id == suiteId && s.ProjectId == projectId, ct);
        if (suite is null)
        {
            return null;
        }
        var errors = await ValidateAsync(projectId, name, stepsJson, ct);
        if (errors.Count > 0)
        {
            return new SuiteSaveResult(suite, errors);
        }
        suite.Name = name!.Trim();
        suite.StepsJson = stepsJson!;
        suite.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new SuiteSaveResult(suite, []);
    }

    public async Task<bool> DeleteAsync(string projectId, string suiteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContractTestSuites.Where(s => s.Id == suiteId && s.ProjectId == projectId).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>
    /// Queues a run of the suite against a version (the latest when none is given). Every step gets a Pending
    /// result row up front, so the page can show the whole list before the first step finishes.
    /// </summary>
    public async Task<RunStartResult?> StartRunAsync(string projectId, string suiteId, int? versionNumber, string user, CancellationToken ct = default)
    {
        var suite = await GetAsync(projectId, suiteId, ct);
        var project = await projects.GetAsync(projectId, ct);
        if (suite is null || project is null)
        {
            return null;
        }
        var version = versionNumber is { } n ? project.Versions.FirstOrDefault(v => v.Number == n) : project.Versions.LastOrDefault();
        if (version is null)
        {
            return new RunStartResult(null, [new("version", versionNumber is null ? "The project has no saved version." : $"No version {versionNumber} in this project.")]);
        }
        var (steps, errors) = TestSuiteParser.Parse(suite.StepsJson);
        var all = errors.Count > 0 ? errors : TestSuiteChecker.Check(steps, ContractProjects.Artifacts(version));
        if (all.Count > 0)
        {
            return new RunStartResult(null, all);
        }
        var run = new ContractTestRun
        {
            Id = Guid.NewGuid().ToString("N"), SuiteId = suite.Id, ProjectId = projectId, VersionNumber = version.Number, Status = TestRunStatus.Queued,
            StepsJson = suite.StepsJson, CreatedBy = user, CreatedAt = clock.GetUtcNow().UtcDateTime,
            Steps = [.. steps.Select(s => new ContractTestStepResult { RunId = "", Index = s.Index, Kind = s.Kind, Title = Truncate(s.Title, 256), Outcome = TestStepOutcome.Pending })],
        };
        foreach (var step in run.Steps)
        {
            step.RunId = run.Id;
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.ContractTestRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }
        await queue.EnqueueAsync(run.Id, ct);
        return new RunStartResult(run, []);
    }

    /// <summary>
    /// Stops a run for <paramref name="user"/>. A queued run ends Cancelled here (its job then finds it no longer
    /// queued); a running one is flagged, and its runner, which checks a few times a second on whichever replica
    /// runs it, stops the step under way, kills the node and ends the run Cancelled. Null when there is no such run.
    /// </summary>
    public async Task<(RunCancelOutcome Outcome, ContractTestRun Run)?> CancelRunAsync(string runId, string user, CancellationToken ct = default)
    {
        RunCancelOutcome? done = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var queued = await db.ContractTestRuns.Where(r => r.Id == runId && r.Status == TestRunStatus.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, TestRunStatus.Cancelled).SetProperty(r => r.CancelledBy, user).SetProperty(r => r.FinishedAt, now), ct);
            if (queued == 1)
            {
                await db.ContractTestStepResults.Where(s => s.RunId == runId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Outcome, TestStepOutcome.Skipped), ct);
                done = RunCancelOutcome.Cancelled;
            }
            else if (await db.ContractTestRuns.Where(r => r.Id == runId && r.Status == TestRunStatus.Running && r.CancelledBy == null)
                         .ExecuteUpdateAsync(u => u.SetProperty(r => r.CancelledBy, user), ct) == 1)
            {
                done = RunCancelOutcome.Stopping;
            }
        }
        if (await GetRunAsync(runId, ct) is not { } run)
        {
            return null;
        }
        if (done is not null)
        {
            await notifier.PublishAsync(new ContractTestRunChanged(run.Id, run.SuiteId, run.ProjectId, run.Status, null));
        }
        // Asked twice while it stops: still stopping.
        var outcome = done ?? (run.Status is TestRunStatus.Queued or TestRunStatus.Running ? RunCancelOutcome.Stopping : RunCancelOutcome.AlreadyFinished);
        return (outcome, run);
    }

    /// <summary>The run with its step results in suite order.</summary>
    public async Task<ContractTestRun?> GetRunAsync(string runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ContractTestRuns.AsNoTracking().Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == runId, ct);
        run?.Steps.Sort((a, b) => a.Index.CompareTo(b.Index));
        return run;
    }

    /// <summary>The newest runs of a suite, newest first (without step results).</summary>
    public async Task<IReadOnlyList<ContractTestRun>> ListRunsAsync(string suiteId, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.ContractTestRuns.AsNoTracking().Where(r => r.SuiteId == suiteId).ToListAsync(ct);
        return [.. runs.OrderByDescending(r => r.CreatedAt).Take(take)];
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
