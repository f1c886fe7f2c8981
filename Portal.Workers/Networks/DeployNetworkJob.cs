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
    ILogger<DeployNetworkJob> logger) : PortalJob(dbFactory, notifier, clock, logger)
{
    public const string Name = "deploy-network";
    public const string NetworkIdKey = "networkId";

    protected override Task<string?> RunAsync(IJobExecutionContext context, CancellationToken ct)
    {
        var networkId = context.MergedJobDataMap.GetString(NetworkIdKey) ?? throw new InvalidOperationException("deploy-network needs a networkId.");
        return deployer.DeployAsync(networkId, ct)!;
    }
}

/// <summary>Queues deployments as one-off Quartz triggers of the deploy-network job.</summary>
internal sealed class QuartzDeploymentQueue(ISchedulerFactory schedulers) : INetworkDeploymentQueue
{
    public async Task EnqueueAsync(string networkId, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(new JobKey(DeployNetworkJob.Name), new JobDataMap { [DeployNetworkJob.NetworkIdKey] = networkId }, ct);
    }
}
