namespace NutPortal.Core.Jobs;

public enum JobOutcome
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>One execution of a background job, recorded by the job base class.</summary>
public sealed class JobRun
{
    public long Id { get; set; }

    public required string JobName { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public JobOutcome Outcome { get; set; }

    /// <summary>A one-line summary the job reports on success, or the error message on failure.</summary>
    public string? Message { get; set; }

    public string? Error { get; set; }
}
