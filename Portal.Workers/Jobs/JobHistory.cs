using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using NutPortal.Core.Jobs;

namespace NutPortal.Workers.Jobs;

/// <summary>A recurring job as the API lists it.</summary>
public sealed record RecurringJobInfo(string Id, string Job, string Cron, string Queue, DateTime? NextRun, DateTime? LastRun, string? LastState, string? Error);

/// <summary>One run of a job as the API lists it, newest first.</summary>
public sealed record JobRunInfo(string JobId, string Job, JobOutcome Outcome, DateTime? At, string? Message);

/// <summary>Reads Hangfire's storage for the API and the home page; the dashboard at /admin/jobs shows all of it.</summary>
public sealed class JobHistory(JobStorage storage, IRecurringJobManager recurring, TimeProvider clock)
{
    public IReadOnlyList<RecurringJobInfo> RecurringJobs()
    {
        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal).Select(j => new RecurringJobInfo(
            j.Id, j.Job is { } job ? $"{job.Type.Name}.{job.Method.Name}" : "?", j.Cron, j.Queue, j.NextExecution, j.LastExecution, j.LastJobState, j.Error))];
    }

    /// <summary>Runs a recurring job now; false when no recurring job has this id.</summary>
    public bool Trigger(string id)
    {
        if (RecurringJobs().All(j => j.Id != id))
        {
            return false;
        }
        recurring.Trigger(id);
        return true;
    }

    /// <summary>The newest runs: processing, failed and succeeded, up to <paramref name="count"/> of each.</summary>
    public IReadOnlyList<JobRunInfo> RecentRuns(int count = 50)
    {
        count = Math.Clamp(count, 1, 500);
        var monitoring = storage.GetMonitoringApi();
        var runs = new List<JobRunInfo>();
        runs.AddRange(monitoring.ProcessingJobs(0, count).Select(p => Run(p.Key, p.Value.Job, JobOutcome.Running, p.Value.StartedAt, null)));
        runs.AddRange(monitoring.FailedJobs(0, count).Select(p => Run(p.Key, p.Value.Job, JobOutcome.Failed, p.Value.FailedAt, p.Value.ExceptionMessage)));
        runs.AddRange(monitoring.SucceededJobs(0, count).Select(p => Run(p.Key, p.Value.Job, JobOutcome.Succeeded, p.Value.SucceededAt, Summary(p.Value))));
        return [.. runs.OrderByDescending(r => r.At).Take(count)];
    }

    /// <summary>Succeeded and failed runs over the last 24 hours.</summary>
    public (long Succeeded, long Failed) LastDay()
    {
        var monitoring = storage.GetMonitoringApi();
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-24);
        return (monitoring.HourlySucceededJobs().Where(h => h.Key >= since).Sum(h => h.Value),
            monitoring.HourlyFailedJobs().Where(h => h.Key >= since).Sum(h => h.Value));
    }

    private static JobRunInfo Run(string id, Hangfire.Common.Job? job, JobOutcome outcome, DateTime? at, string? message) =>
        new(id, job?.Type.Name ?? "?", outcome, at, message);

    private static string? Summary(SucceededJobDto job) => job.Result as string is { } text ? text.Trim('"') : job.Result?.ToString()?.Trim('"');
}
