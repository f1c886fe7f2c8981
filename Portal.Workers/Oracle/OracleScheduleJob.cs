using Hangfire;
using NutPortal.Core.Oracle;
using NutPortal.Workers.Jobs;

namespace NutPortal.Workers.Oracle;

/// <summary>One run of a scheduled request (Hangfire recurring job "oracle-schedule-{id}", argument: the schedule id).</summary>
public sealed class OracleScheduleJob(OracleScheduler scheduler)
{
    [AutomaticRetry(Attempts = 0)] // the next run comes on its own
    public Task<string> RunAsync(string scheduleId, CancellationToken ct) => scheduler.FireAsync(scheduleId, ct);
}

/// <summary>Schedules as Hangfire recurring jobs with stable ids.</summary>
internal sealed class HangfireOracleScheduleRegistry(IRecurringJobManager recurring) : IOracleScheduleRegistry
{
    public static string JobId(string scheduleId) => "oracle-schedule-" + scheduleId;

    public string? AddOrUpdate(string scheduleId, string cron)
    {
        try
        {
            recurring.AddOrUpdate<OracleScheduleJob>(JobId(scheduleId), JobQueues.Default, j => j.RunAsync(scheduleId, CancellationToken.None), cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"'{cron}' is not a valid cron expression: {ex.Message}";
        }
    }

    public void Remove(string scheduleId) => recurring.RemoveIfExists(JobId(scheduleId));
}
