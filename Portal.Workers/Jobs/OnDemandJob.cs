using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;
using Quartz;

namespace NutPortal.Workers.Jobs;

/// <summary>
/// A job run on demand for one item (a deployment, a scan, a test run): the item's id travels in the trigger's
/// data under <see cref="IdKey"/>, and <see cref="TriggerAsync"/> is how a queue asks for a run.
/// </summary>
public abstract class OnDemandJob(IDbContextFactory<PortalDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock, ILogger logger)
    : PortalJob(dbFactory, notifier, clock, logger)
{
    public const string IdKey = "id";

    /// <summary>Runs the job for one item; returns a one-line summary for the run log.</summary>
    protected abstract Task<string> RunAsync(string id, CancellationToken ct);

    protected sealed override async Task<string?> RunAsync(IJobExecutionContext context, CancellationToken ct)
    {
        var id = context.MergedJobDataMap.GetString(IdKey)
            ?? throw new InvalidOperationException($"{context.JobDetail.Key.Name} runs for one item and was triggered without its id.");
        return await RunAsync(id, ct);
    }

    /// <summary>Fires the named on-demand job once for <paramref name="id"/>; runs of different items go side by side.</summary>
    public static async Task TriggerAsync(ISchedulerFactory schedulers, string jobName, string id, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(new JobKey(jobName), new JobDataMap { [IdKey] = id }, ct);
    }
}
