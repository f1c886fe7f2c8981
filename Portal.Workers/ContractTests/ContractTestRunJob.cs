using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Jobs;

namespace NutPortal.Workers.ContractTests;

/// <summary>
/// Runs one queued test run (Hangfire job, argument: the run id). Runs once: the runner records every outcome
/// itself (an error included), and only a run still queued is started, so a second delivery does nothing.
/// </summary>
internal sealed class ContractTestRunJob(ContractTestRunner runner, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task<string> RunAsync(string runId, CancellationToken ct)
    {
        // Hangfire hands a job out again only when the server running it died (PostgreSQL renews running jobs):
        // a run found running here lost its runner and its node.
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var orphan = db.ContractTestRuns.Where(r => r.Id == runId && r.Status == TestRunStatus.Running);
            if (await orphan.AnyAsync(ct))
            {
                await InterruptedWorkSweeper.EndRunsAsync(db, orphan, clock.GetUtcNow().UtcDateTime, ct);
                return $"Test run {runId} was interrupted: {InterruptedWorkSweeper.Reason}";
            }
        }
        return await runner.RunAsync(runId, ct);
    }
}

/// <summary>Queues runs as Hangfire jobs.</summary>
internal sealed class HangfireContractTestQueue(IBackgroundJobClient jobs) : IContractTestQueue
{
    public Task EnqueueAsync(string runId, CancellationToken ct)
    {
        jobs.Enqueue<ContractTestRunJob>(JobQueues.Default, j => j.RunAsync(runId, CancellationToken.None));
        return Task.CompletedTask;
    }
}

public static class ContractTestWorkers
{
    public static IServiceCollection AddContractTestWorkers(this IServiceCollection services)
    {
        services.AddSingleton<ContractTestRunRecorder>();
        services.AddSingleton<ContractTestRunner>();
        services.AddTransient<ContractTestRunJob>();
        services.AddSingleton<IContractTestQueue, HangfireContractTestQueue>();
        return services;
    }
}
