using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Jobs;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Jobs;
using NutPortal.Workers.Maintenance;
using Quartz;

namespace NutPortal.Tests.Jobs;

public sealed class PortalJobTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A job that always fails: the failure real jobs cannot be made to produce on demand.</summary>
    public sealed class FailingJob(IDbContextFactory<PortalDbContext> db, LiveNotifier notifier, TimeProvider clock, ILogger<FailingJob> logger)
        : PortalJob(db, notifier, clock, logger)
    {
        protected override Task<string?> RunAsync(IJobExecutionContext context, CancellationToken ct) =>
            throw new InvalidOperationException("The node at 127.0.0.1:1 refused the connection.");
    }

    [Fact]
    public async Task A_failing_job_is_recorded_with_its_error_and_the_scheduler_keeps_running_jobs()
    {
        var dashboard = portal.Services.GetRequiredService<JobDashboard>();
        var scheduler = await portal.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.AddJob(JobBuilder.Create<FailingJob>().WithIdentity("failing-test-job").StoreDurably(true).Build(), new AddJobOptions { Replace = true }, CancellationToken.None);

        await scheduler.TriggerJob(new JobKey("failing-test-job"), new JobDataMap(), CancellationToken.None);
        var failed = await WaitForRunAsync(dashboard, "failing-test-job");
        Assert.True(await dashboard.TriggerAsync(JobRunRetentionJob.Name));
        var next = await WaitForRunAsync(dashboard, JobRunRetentionJob.Name);

        Assert.Equal(JobOutcome.Failed, failed.Outcome);
        Assert.Equal("The node at 127.0.0.1:1 refused the connection.", failed.Message);
        Assert.Contains(nameof(InvalidOperationException), failed.Error, StringComparison.Ordinal);
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal(JobOutcome.Succeeded, next.Outcome);
        Assert.StartsWith("Deleted 0 run record(s)", next.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triggering_an_unknown_job_says_so()
    {
        var dashboard = portal.Services.GetRequiredService<JobDashboard>();

        Assert.False(await dashboard.TriggerAsync("no-such-job"));
    }

    [Fact]
    public async Task On_demand_jobs_cannot_be_started_by_hand()
    {
        var dashboard = portal.Services.GetRequiredService<JobDashboard>();

        var deploy = Assert.Single(await dashboard.ListJobsAsync(), j => j.Name == "deploy-network");

        Assert.False(deploy.CanRunNow);
        Assert.False(await dashboard.TriggerAsync("deploy-network"));
    }

    [Fact]
    public async Task The_jobs_list_shows_the_retention_job_with_its_next_run()
    {
        var jobs = await portal.Services.GetRequiredService<JobDashboard>().ListJobsAsync();

        var retention = Assert.Single(jobs, j => j.Name == JobRunRetentionJob.Name);
        Assert.NotNull(retention.NextRun);
        Assert.True(retention.NextRun > DateTime.UtcNow);
    }

    private static async Task<JobRun> WaitForRunAsync(JobDashboard dashboard, string job)
    {
        for (var i = 0; i < 100; i++)
        {
            var run = (await dashboard.RecentRunsAsync(5, job)).FirstOrDefault(r => r.Outcome != JobOutcome.Running);
            if (run is not null)
            {
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{job} did not finish.");
    }
}
