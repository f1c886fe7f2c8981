using Hangfire.Server;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Jobs;
using NutPortal.Core.Live;

namespace NutPortal.Workers.Jobs;

/// <summary>Publishes every job run's start and end live (the dashboard summary refreshes on them).</summary>
internal sealed class JobRunPublisher(LiveNotifier notifier, TimeProvider clock, ILogger<JobRunPublisher> logger) : IServerFilter
{
    private const string StartedKey = "nutportal-started";

    public void OnPerforming(PerformingContext context)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        context.Items[StartedKey] = started;
        Publish(new JobRunRecorded(context.BackgroundJob.Id, Name(context), JobOutcome.Running, started, null, null));
    }

    public void OnPerformed(PerformedContext context)
    {
        var started = context.Items.TryGetValue(StartedKey, out var s) ? (DateTime)s : clock.GetUtcNow().UtcDateTime;
        var failed = context.Exception is not null && !context.ExceptionHandled;
        Publish(new JobRunRecorded(context.BackgroundJob.Id, Name(context), failed ? JobOutcome.Failed : JobOutcome.Succeeded, started,
            clock.GetUtcNow().UtcDateTime, failed ? (context.Exception!.InnerException ?? context.Exception).Message : null));
    }

    public static string Name(PerformContext context) => context.BackgroundJob.Job.Type.Name;

    private readonly Lock _gate = new();
    private Task _last = Task.CompletedTask;

    private void Publish(JobRunRecorded run)
    {
        // Filters are synchronous; a subscriber must never hold up or fail the job. Publications are chained so a
        // run's "running" always goes out before its outcome.
        lock (_gate)
        {
            _last = _last.ContinueWith(async _ =>
            {
                try
                {
                    await notifier.PublishAsync(run);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Could not publish the run of job {Job}", run.JobName);
                }
            }, TaskScheduler.Default).Unwrap();
        }
    }
}
