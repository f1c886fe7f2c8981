using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Jobs;
using Quartz;

namespace NutPortal.Workers.ContractTests;

/// <summary>One test run per trigger (the run id travels in the trigger's data).</summary>
internal sealed class ContractTestRunJob(
    ContractTestRunner runner,
    IDbContextFactory<PortalDbContext> dbFactory,
    LiveNotifier notifier,
    TimeProvider clock,
    ILogger<ContractTestRunJob> logger) : OnDemandJob(dbFactory, notifier, clock, logger)
{
    public const string Name = "contract-test-run";

    protected override Task<string> RunAsync(string id, CancellationToken ct) => runner.RunAsync(id, ct);
}

/// <summary>Queues runs as one-off Quartz triggers of the run job.</summary>
internal sealed class QuartzContractTestQueue(ISchedulerFactory schedulers) : IContractTestQueue
{
    public Task EnqueueAsync(string runId, CancellationToken ct) => OnDemandJob.TriggerAsync(schedulers, ContractTestRunJob.Name, runId, ct);
}

public static class ContractTestWorkers
{
    public static IServiceCollection AddContractTestWorkers(this IServiceCollection services)
    {
        services.AddSingleton<ContractTestRunRecorder>();
        services.AddSingleton<ContractTestRunner>();
        services.AddSingleton<IContractTestQueue, QuartzContractTestQueue>();
        services.AddHostedService<InterruptedRunSweeper>();
        return services;
    }

    public static void AddContractTestJobs(this IQuartzBuilder quartz) =>
        quartz.AddJob<ContractTestRunJob>(j => j.WithIdentity(ContractTestRunJob.Name).WithDescription("Runs a contract test suite on a throw-away anvil node").StoreDurably());
}
