using Hangfire;
using NutPortal.Core.Networks;
using NutPortal.Workers.Jobs;

namespace NutPortal.Workers.Networks;

/// <summary>
/// Deploys one network (Hangfire job, argument: the network id). Not retried: a failed deployment records its
/// failing step and stops the nodes it started, and stays failed. A run cut off by a dead replica is handed out
/// again by Hangfire and resumes (<see cref="NetworkDeployer"/>); a run of an ended deployment does nothing.
/// </summary>
public sealed class DeployNetworkJob(NetworkDeployer deployer)
{
    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync(string networkId, CancellationToken ct) => deployer.DeployAsync(networkId, ct);
}

/// <summary>Queues deployments as Hangfire jobs.</summary>
internal sealed class HangfireDeploymentQueue(IBackgroundJobClient jobs) : INetworkDeploymentQueue
{
    public Task EnqueueAsync(string networkId, CancellationToken ct)
    {
        jobs.Enqueue<DeployNetworkJob>(JobQueues.Default, j => j.RunAsync(networkId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
