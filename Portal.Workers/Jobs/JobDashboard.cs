using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Jobs;
using NutPortal.Core.Persistence;
using Quartz;

namespace NutPortal.Workers.Jobs;

/// <summary>A job as the Jobs page shows it. Only scheduled jobs can be run by hand; on-demand ones (a deployment) need their input.</summary>
public sealed record ScheduledJob(string Name, string? Description, string? Schedule, DateTime? NextRun, DateTime? PreviousRun, bool Running)
{
    public bool CanRunNow => Schedule is not null;
}

/// <summary>What the Admin "Jobs" page shows: scheduled jobs from Quartz, recent runs from the run log.</summary>
public sealed class JobDashboard(ISchedulerFactory schedulers, IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ScheduledJob>> ListJobsAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var jobs = (await scheduler.QueryJobs(new JobQuery(), ct)).Items;
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery(), ct)).Items;
        var running = (await scheduler.QueryFireInstances(new FireInstanceQuery(), ct)).Items.Select(f => f.JobKey).ToHashSet();
        var result = new List<ScheduledJob>();
        foreach (var job in jobs)
        {
            var trigger = triggers.Where(t => t.JobKey.Equals(job.Key)).OrderBy(t => t.NextFireTimeUtc ?? DateTimeOffset.MaxValue).FirstOrDefault();
            var schedule = trigger is null ? null
                : await scheduler.GetTrigger(trigger.Key, ct) is ICronTrigger cron ? cron.CronExpressionString : trigger.Description ?? trigger.TriggerType;
            result.Add(new ScheduledJob(
                job.Key.Name,
                job.Description,
                schedule,
                trigger?.NextFireTimeUtc?.UtcDateTime,
                trigger?.PreviousFireTimeUtc?.UtcDateTime,
                running.Contains(job.Key)));
        }
        return [.. result.OrderBy(j => j.Name, StringComparer.Ordinal)];
    }

    /// <summary>Runs a scheduled job now; false when no scheduled job has this name.</summary>
    public async Task<bool> TriggerAsync(string name, CancellationToken ct = default)
    {
        if ((await ListJobsAsync(ct)).SingleOrDefault(j => j.Name == name) is not { CanRunNow: true })
        {
            return false;
        }
        var scheduler = await schedulers.GetScheduler(ct);
        var key = new JobKey(name);
        if (!await scheduler.Exists(key, ct))
        {
            return false;
        }
        await scheduler.TriggerJob(key, new JobDataMap(), ct);
        return true;
    }

    public async Task<IReadOnlyList<JobRun>> RecentRunsAsync(int count = 50, string? jobName = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.JobRuns.AsNoTracking();
        if (jobName is not null)
        {
            query = query.Where(r => r.JobName == jobName);
        }
        return await query.OrderByDescending(r => r.Id).Take(Math.Clamp(count, 1, 500)).ToListAsync(ct);
    }
}
