using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Networks;

/// <summary>
/// Runs a network's deployment step by step, recording each step live. A failed step says why and what to
/// do; every node started so far is stopped again, so nothing is left half-running. A deployment whose replica
/// died mid-way is handed out again by Hangfire (PostgreSQL storage) and resumes here: steps that finished
/// (allocation, funding) are kept, nodes still running are adopted, the rest run again; a deployment that
/// already ended is left as it is.
/// </summary>
public sealed class NetworkDeployer(
    IDbContextFactory<PortalDbContext> dbFactory,
    ProfileValidator validator,
    NodeRunner runner,
    NodeLocks locks,
    NetworkAccountKeys keys,
    NetworkAudit audit,
    LiveNotifier notifier,
    TimeProvider clock,
    ILogger<NetworkDeployer> logger)
{
    public async Task<string> DeployAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct)
            ?? throw new InvalidOperationException($"Network {networkId} no longer exists.");
        if (network.Status != NetworkStatus.Deploying)
        {
            return $"{network.Name} is {network.Status}: an earlier run of this deployment already ended it.";
        }
        var profile = NodeRunner.ReadProfile(network);
        var steps = new StepRecorder(dbFactory, notifier, clock, networkId);
        var nodeIds = network.Nodes.Select(n => n.Id).ToList();
        if (await steps.StartedBeforeAsync(ct))
        {
            logger.LogInformation("Resuming the interrupted deployment of network {Network}", networkId);
            await audit.RecordAsync(networkId, null, NetworkAudit.PortalActor, "deploy", "resumed",
                "The portal running this deployment stopped mid-way; it resumes here. Finished steps are kept and nodes still running are adopted.", ct);
        }
        try
        {
            await steps.RunAsync(DeploymentPlan.Validate, async () =>
            {
                var errors = validator.Validate(profile);
                if (errors.Count > 0)
                {
                    throw new NodeStartException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), "Create the network again with a corrected profile.");
                }
                runner.DriverFor(network);
                return $"{profile.Platform} on the {profile.Driver} driver, {profile.NodeCount} node(s).";
            });
            await steps.RunOnceAsync(DeploymentPlan.Allocate, () => runner.AllocateAsync(networkId, ct));
            await steps.RunAsync(DeploymentPlan.StartNodes, () => StartNodesAsync(network, ct));
            await steps.RunAsync(DeploymentPlan.WaitForRpc, async () =>
            {
                foreach (var id in nodeIds)
                {
                    await runner.WaitForRpcAsync(id, ct);
                }
                return "Every node answers its RPC.";
            });
            var nodes = await NodesAsync(nodeIds, ct);
            await steps.RunOnceAsync(DeploymentPlan.FundAccounts, () => FundAsync(networkId, runner.PlatformFor(network), nodes[0], profile, ct));
            await steps.RunAsync(DeploymentPlan.Verify, () => runner.PlatformFor(network).VerifyAsync(profile, nodes, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || ct.IsCancellationRequested)
        {
            await FailAsync(networkId, nodeIds, steps, ex);
            return $"Deployment of {network.Name} failed: {ex.Message}";
        }
        await MarkRunningAsync(networkId, ct);
        await audit.RecordAsync(networkId, null, network.CreatedBy, "deploy", "succeeded", "All steps completed; the network is running.", ct);
        return $"Deployed {network.Name}.";
    }

    /// <summary>Starts every node, adopting the ones an interrupted run of this deployment left running.</summary>
    private async Task<string> StartNodesAsync(Network network, CancellationToken ct)
    {
        var driver = runner.DriverFor(network);
        var adopted = 0;
        foreach (var node in network.Nodes)
        {
            using (await locks.AcquireAsync(node.Id, ct))
            {
                if (node.ProcessId is not null && driver.IsRunning(node))
                {
                    adopted++;
                    continue;
                }
                await runner.LaunchAsync(node.Id, null, ct);
            }
        }
        var started = network.Nodes.Count - adopted;
        return adopted == 0 ? $"{started} node process(es) started." : $"{started} node process(es) started, {adopted} still running from the interrupted run adopted.";
    }

    private async Task<List<NetworkNode>> NodesAsync(IReadOnlyList<string> nodeIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var nodes = await db.NetworkNodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToListAsync(ct);
        return [.. nodes.OrderBy(NodeNumbers.Number)];
    }

    private async Task<string> FundAsync(string networkId, IBlockchainPlatform platform, NetworkNode node, NetworkProfile profile, CancellationToken ct)
    {
        if (profile.Accounts.Count == 0)
        {
            return "No portal-funded accounts were asked for.";
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var i = 0; i < profile.Accounts.Count; i++)
        {
            var account = keys.Create(networkId, out var key);
            using (key)
            {
                await platform.FundAccountAsync(node, account.Address, profile.Accounts.BalanceEth, ct);
            }
            db.NetworkAccounts.Add(account);
        }
        await db.SaveChangesAsync(ct);
        return $"{profile.Accounts.Count} account(s) funded with {profile.Accounts.BalanceEth} each (keys encrypted at rest).";
    }

    private async Task FailAsync(string networkId, IReadOnlyList<string> nodeIds, StepRecorder steps, Exception ex)
    {
        logger.LogWarning(ex, "Deployment of network {Network} failed", networkId);
        await steps.SkipRemainingAsync();
        foreach (var id in nodeIds)
        {
            try
            {
                using (await locks.AcquireAsync(id, CancellationToken.None))
                {
                    await runner.StopAsync(id, NodeStatus.Failed, ex.Message, CancellationToken.None);
                }
            }
            catch (Exception stopError)
            {
                // Cleanup must reach every node and the network's status, whatever one node does.
                logger.LogError(stopError, "Could not stop node {Node} after a failed deployment", id);
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var network = await db.Networks.SingleAsync(n => n.Id == networkId);
        network.Status = NetworkStatus.Failed;
        network.StatusMessage = ex is NodeStartException start ? $"{start.Message} {start.Hint}" : ex.Message;
        network.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await audit.RecordAsync(networkId, null, NetworkAudit.PortalActor, "deploy", "failed", network.StatusMessage);
    }

    private async Task MarkRunningAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.SingleAsync(n => n.Id == networkId, ct);
        network.Status = NetworkStatus.Running;
        network.StatusMessage = null;
        network.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await runner.UpdateNetworkStatusAsync(networkId, ct);
    }
}
