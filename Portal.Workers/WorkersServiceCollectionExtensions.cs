using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Networks;
using NutPortal.Core.Scanning;
using NutPortal.Workers.Alerts;
using NutPortal.Workers.ContractTests;
using NutPortal.Workers.Explorer;
using NutPortal.Workers.IdentityChain;
using NutPortal.Workers.Jobs;
using NutPortal.Workers.Monitoring;
using NutPortal.Workers.Networks;
using NutPortal.Workers.Oracle;
using NutPortal.Workers.Scanning;

namespace NutPortal.Workers;

public static class WorkersServiceCollectionExtensions
{
    /// <summary>Hangfire (storage, servers, recurring jobs), every job class and the hosted streams (collector, indexers, supervisor).</summary>
    public static IServiceCollection AddPortalWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        // Before Hangfire's servers start, so a job started at once is never mistaken for an interrupted one.
        services.AddHostedService<InterruptedWorkSweeper>();
        services.AddPortalHangfire(configuration, options);
        services.AddSingleton<JobHistory>();

        services.AddSingleton<INetworkDeploymentQueue, HangfireDeploymentQueue>();
        services.AddSingleton<NetworkDeployer>();
        services.AddTransient<DeployNetworkJob>();
        services.AddSingleton<IScanQueue, HangfireScanQueue>();
        services.AddTransient<ScanJob>();
        services.AddTransient<IdentityChallengeCleanupJob>();
        services.AddSingleton<BlockHeightTracker>();
        services.AddSingleton<BlockProducer>();
        services.AddHostedService<NodeSupervisor>();
        services.AddHostedService<ChainIndexerHost>();
        services.AddMonitoringWorkers();
        services.AddAlertWorkers(evaluate: options.Enabled);
        services.AddContractTestWorkers();
        services.AddOracleWorkers();
        return services;
    }
}
