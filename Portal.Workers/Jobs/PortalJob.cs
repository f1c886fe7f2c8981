using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Jobs;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;
using Quartz;

namespace NutPortal.Workers.Jobs;

/// <summary>
/// Base of every scheduled job: records each run (start, end, outcome, error) in the database, publishes it
/// live, and never lets an exception escape to the scheduler, so one failing run never stops the others.
/// </summary>
public abstract class PortalJob(IDbContextFactory<PortalDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock, ILogger logger) : IJob
{
    protected IDbContextFactory<PortalDbContext> DbFactory => dbFactory;

    protected TimeProvider Clock => clock;

    /// <summary>Does the work; returns a one-line summary for the run log.</summary>
    protected abstract Task<string?> RunAsync(IJobExecutionContext context, CancellationToken ct);

    /// <summary>
    /// False for jobs that run every few seconds: a run is then recorded only when it failed or
    /// <see cref="RunAsync"/> returned a summary (it changed something); a quiet run leaves no row, so the
    /// run log is not flooded with thousands of "nothing happened" runs a day.
    /// </summary>
    protected virtual bool RecordsQuietRuns => true;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.JobDetail.Key.Name;
        var run = new JobRun { JobName = name, StartedAt = clock.GetUtcNow().UtcDateTime, Outcome = JobOutcome.Running };
        try
        {
            if (RecordsQuietRuns)
            {
                await SaveAsync(run, cancellationToken);
                await PublishAsync(run);
            }
            run.Message = await RunAsync(context, cancellationToken);
            run.Outcome = JobOutcome.Succeeded;
        }
        catch (Exception ex)
        {
            run.Outcome = JobOutcome.Failed;
            run.Error = Truncate(ex.ToString(), 8000);
            run.Message = Truncate(ex.Message, 2000);
            logger.LogError(ex, "Job {Job} failed", name);
        }
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        if (!RecordsQuietRuns && run.Outcome == JobOutcome.Succeeded && run.Message is null)
        {
            return;
        }
        try
        {
            // The run's own record is written even when the job was cancelled at shutdown.
            await SaveAsync(run, CancellationToken.None);
            await PublishAsync(run);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record the run of job {Job}", name);
        }
    }

    private async Task SaveAsync(JobRun run, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (run.Id == 0)
        {
            db.JobRuns.Add(run);
        }
        else
        {
            db.JobRuns.Update(run);
        }
        await db.SaveChangesAsync(ct);
    }

    private Task PublishAsync(JobRun run) =>
        notifier.PublishAsync(new JobRunRecorded(run.Id, run.JobName, run.Outcome, run.StartedAt, run.FinishedAt, run.Message));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
