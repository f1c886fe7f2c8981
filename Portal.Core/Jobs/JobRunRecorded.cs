namespace NutPortal.Core.Jobs;

/// <summary>Published when a background job starts or finishes a run.</summary>
public sealed record JobRunRecorded(long RunId, string JobName, JobOutcome Outcome, DateTime StartedAt, DateTime? FinishedAt, string? Message);
