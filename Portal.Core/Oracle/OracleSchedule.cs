namespace NutPortal.Core.Oracle;

/// <summary>
/// A request submitted again and again (device polling): every N seconds or on a cron, each time a new request
/// through the queue, owned by the schedule's user. Runs as a recurring job with a stable id.
/// </summary>
public sealed class OracleSchedule
{
    public required string Id { get; set; }

    public required string NetworkId { get; set; }

    public required string UserId { get; set; }

    /// <summary>The submission each run sends (JSON of <see cref="OracleSubmission"/>).</summary>
    public required string SubmissionJson { get; set; }

    /// <summary>Hangfire cron (5 fields, or 6 with seconds first), UTC.</summary>
    public required string Cron { get; set; }

    public DateTime CreatedAt { get; set; }

    public long? LastRequestId { get; set; }
}

/// <summary>Registers schedules with the job scheduler (Hangfire recurring jobs in the portal).</summary>
public interface IOracleScheduleRegistry
{
    /// <summary>Adds or replaces the schedule's recurring run; null, or why the cron is not valid.</summary>
    string? AddOrUpdate(string scheduleId, string cron);

    void Remove(string scheduleId);
}
