namespace NutPortal.Core.Jobs;

/// <summary>Published when a background job starts or finishes a run (<paramref name="JobId"/> is Hangfire's job id).</summary>
public sealed record JobRunRecorded(string JobId, string JobName, JobOutcome Outcome, DateTime StartedAt, DateTime? FinishedAt, string? Message);
