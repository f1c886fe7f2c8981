namespace NutPortal.Core.Contracts.Testing;

/// <summary>A named list of test steps (JSON, see <see cref="TestSuiteParser"/>) belonging to a contract project.</summary>
public sealed class ContractTestSuite
{
    public required string Id { get; set; }

    public required string ProjectId { get; set; }

    public required string Name { get; set; }

    /// <summary>The steps array as the user wrote it (validated on save).</summary>
    public required string StepsJson { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum TestRunStatus
{
    Queued,
    Running,
    Passed,
    Failed,
    Error,
    Cancelled,
}

public enum TestStepOutcome
{
    Pending,
    Running,
    Passed,
    Failed,
    Error,
    Skipped,
}

/// <summary>One run of a suite against one project version, on a throw-away node.</summary>
public sealed class ContractTestRun
{
    public required string Id { get; set; }

    public required string SuiteId { get; set; }

    public required string ProjectId { get; set; }

    public int VersionNumber { get; set; }

    public TestRunStatus Status { get; set; }

    /// <summary>The steps as they were when the run was queued: later edits to the suite do not change what ran.</summary>
    public required string StepsJson { get; set; }

    /// <summary>Why the run could not execute its steps (compile failed, node did not start).</summary>
    public string? Error { get; set; }

    /// <summary>Who asked to stop the run. A queued run ends Cancelled at once; a running one at the runner's next check.</summary>
    public string? CancelledBy { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public List<ContractTestStepResult> Steps { get; set; } = [];
}

/// <summary>The result of one step of a run; rows exist for every step from the start (Pending) and fill in live.</summary>
public sealed class ContractTestStepResult
{
    public long Id { get; set; }

    public required string RunId { get; set; }

    /// <summary>0-based position in the suite.</summary>
    public int Index { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public TestStepOutcome Outcome { get; set; }

    public string? Message { get; set; }

    public long? GasUsed { get; set; }

    public long? DurationMs { get; set; }
}
