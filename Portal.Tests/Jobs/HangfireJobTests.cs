using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Monitoring;

namespace NutPortal.Tests.Jobs;

public sealed class HangfireJobTests(JobsPortalFactory portal) : IClassFixture<JobsPortalFactory>
{
    /// <summary>Jobs that fail: the failure real jobs cannot be made to produce on demand.</summary>
    public static class FailingJobs
    {
        [AutomaticRetry(Attempts = 0)]
        public static Task RunOnceAsync(string id, CancellationToken ct) => throw new InvalidOperationException($"The node at 127.0.0.1:1 refused the connection ({id}).");

        [AutomaticRetry(Attempts = 1, DelaysInSeconds = [1])]
        public static Task RetriedAsync(string id, CancellationToken ct) => throw new InvalidOperationException($"Still failing ({id}).");
    }

    [Fact]
    public async Task A_failing_job_ends_failed_with_its_error_and_the_server_keeps_running_jobs()
    {
        var jobs = portal.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = portal.Services.GetRequiredService<JobStorage>();

        var failed = jobs.Enqueue(() => FailingJobs.RunOnceAsync("a", CancellationToken.None));
        var state = await WaitForStateAsync(storage, failed, FailedState.StateName);
        using var admin = portal.CreateAdminClient();
        var trigger = await admin.PostAsync($"/api/v1/jobs/{MetricRollupJob.Id}/trigger", null);
        await Eventually.HoldsAsync(async () => (await RunsAsync(admin)).Any(r => r.GetProperty("job").GetString() == nameof(MetricRollupJob)
            && r.GetProperty("outcome").GetString() == "Succeeded"), "The roll-up triggered after the failure did not succeed.");

        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        Assert.Equal("The node at 127.0.0.1:1 refused the connection (a).", state.Data["ExceptionMessage"]);
        Assert.Equal(typeof(InvalidOperationException).FullName, state.Data["ExceptionType"]);
        Assert.Contains(await RunsAsync(admin), r => r.GetProperty("jobId").GetString() == failed && r.GetProperty("outcome").GetString() == "Failed");
    }

    [Fact]
    public async Task A_job_that_may_retry_is_run_again_after_its_delay_then_ends_failed()
    {
        var jobs = portal.Services.GetRequiredService<IBackgroundJobClient>();
        var storage = portal.Services.GetRequiredService<JobStorage>();

        var id = jobs.Enqueue(() => FailingJobs.RetriedAsync("b", CancellationToken.None));
        await WaitForStateAsync(storage, id, FailedState.StateName);

        using var connection = storage.GetConnection();
        Assert.Equal("1", connection.GetJobParameter(id, "RetryCount"));
        var history = storage.GetMonitoringApi().JobDetails(id).History.Select(h => h.StateName).ToList();
        Assert.Equal(2, history.Count(s => s == ProcessingState.StateName));
        Assert.Contains(ScheduledState.StateName, history);
    }

    [Fact]
    public async Task The_jobs_api_lists_the_recurring_roll_up_in_utc_and_refuses_unknown_ones()
    {
        using var admin = portal.CreateAdminClient();

        var list = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/jobs");
        var unknown = await admin.PostAsync("/api/v1/jobs/no-such-job/trigger", null);

        var rollup = Assert.Single(list!, j => j.GetProperty("id").GetString() == MetricRollupJob.Id);
        Assert.Equal("* * * * *", rollup.GetProperty("cron").GetString());
        Assert.True(rollup.GetProperty("nextRun").GetDateTime() > DateTime.UtcNow.AddSeconds(-5));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<JsonElement[]> RunsAsync(HttpClient admin) => (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/jobs/runs?limit=200"))!;

    private static async Task<Hangfire.Storage.StateData> WaitForStateAsync(JobStorage storage, string jobId, string stateName)
    {
        Hangfire.Storage.StateData? state = null;
        await Eventually.HoldsAsync(() =>
        {
            using var connection = storage.GetConnection();
            state = connection.GetStateData(jobId);
            return Task.FromResult(state?.Name == stateName);
        }, $"Job {jobId} never reached {stateName}.");
        return state!;
    }
}
