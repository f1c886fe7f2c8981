using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Jobs;
using Quartz;

namespace NutPortal.Workers.Networks;

/// <summary>One deployment per trigger (the network id travels in the trigger's data); deployments run side by side.</summary>
public sealed class DeployNetworkJob(
    NetworkDeployer deployer,
    IDbContextFactory<PortalDbContext> dbFactory,
    LiveNotifier notifier,
    TimeProvider clock,
    ILogger<DeployNetworkJob> logger) : OnDemandJob(dbFactory, notifier, clock, logger)
{
    public const string Name = "deploy-network";

    protected override Task<string> RunAsync(string id, CancellationToken ct) => deployer.DeployAsync(id, ct);
}

/// <summary>Queues deployments as one-off Quartz triggers of the deploy-network job.</summary>
internal sealed class QuartzDeploymentQueue(ISchedulerFactory schedulers) : INetworkDeploymentQueue
{
    public Task EnqueueAsync(string networkId, CancellationToken ct) => OnDemandJob.TriggerAsync(schedulers, DeployNetworkJob.Name, networkId, ct);
}
