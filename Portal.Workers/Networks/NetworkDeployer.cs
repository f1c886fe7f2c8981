using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Networks;

/// <summary>
/// Runs a network's deployment step by step, recording each step live. A failed step says why and what to
/// do; every node started so far is stopped again, so nothing is left half-running.
/// </summary>
public sealed class NetworkDeployer(
    IDbContextFactory<PortalDbContext> dbFactory,
    ProfileValidator validator,
    NodeRunner runner,
    NodeLocks locks,
    NetworkAccountKeys keys,
    NetworkAudit audit,
    IJsonRpcClientFactory rpc,
    LiveNotifier notifier,
    TimeProvider clock,
    ILogger<NetworkDeployer> logger)
{
    public async Task<string> DeployAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct)
            ?? throw new InvalidOperationException($"Network {networkId} no longer exists.");
        var profile = NodeRunner.ReadProfile(network);
        var steps = new StepRecorder(dbFactory, notifier, clock, networkId);
        var nodeIds = network.Nodes.Select(n => n.Id).ToList();
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
            await steps.RunAsync(DeploymentPlan.Allocate, () => AllocateAsync(nodeIds, ct));
            await steps.RunAsync(DeploymentPlan.StartNodes, async () =>
            {
                foreach (var id in nodeIds)
                {
                    using (await locks.AcquireAsync(id, ct))
                    {
                        await runner.LaunchAsync(id, null, ct);
                    }
                }
                return $"{nodeIds.Count} node process(es) started.";
            });
            await steps.RunAsync(DeploymentPlan.WaitForRpc, async () =>
            {
                foreach (var id in nodeIds)
                {
                    await runner.WaitForRpcAsync(id, ct);
                }
                return "Every node answers JSON-RPC.";
            });
            var first = await FirstNodeUrlAsync(nodeIds[0], ct);
            await steps.RunAsync(DeploymentPlan.FundAccounts, () => FundAsync(networkId, first, profile, ct));
            await steps.RunAsync(DeploymentPlan.Verify, () => VerifyAsync(first, profile, ct));
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

    private async Task<string> AllocateAsync(IReadOnlyList<string> nodeIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var nodes = await db.NetworkNodes.Where(n => nodeIds.Contains(n.Id)).ToListAsync(ct);
        foreach (var node in nodes)
        {
            Directory.CreateDirectory(node.DataDirectory);
        }
        return $"Data folders ready under {Path.GetDirectoryName(nodes[0].DataDirectory)}; ports are taken from the configured range when each node starts.";
    }

    private async Task<Uri> FirstNodeUrlAsync(string nodeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new Uri((await db.NetworkNodes.SingleAsync(n => n.Id == nodeId, ct)).RpcUrl!);
    }

    private async Task<string> FundAsync(string networkId, Uri url, NetworkProfile profile, CancellationToken ct)
    {
        var client = rpc.Create(url);
        var wei = new BigInteger(profile.Accounts.BalanceEth * 1_000_000m) * BigInteger.Pow(10, 12);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var i = 0; i < profile.Accounts.Count; i++)
        {
            var account = keys.Create(networkId, out var key);
            using (key)
            {
                await client.CallAsync<System.Text.Json.JsonElement?>("anvil_setBalance", [account.Address, "0x" + wei.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0')], null, ct);
            }
            db.NetworkAccounts.Add(account);
        }
        await db.SaveChangesAsync(ct);
        return $"{profile.Accounts.Count} account(s) funded with {profile.Accounts.BalanceEth} ETH each (keys encrypted at rest).";
    }

    private async Task<string> VerifyAsync(Uri url, NetworkProfile profile, CancellationToken ct)
    {
        var client = rpc.Create(url);
        var chainId = await client.GetChainIdAsync(ct);
        if (chainId != (ulong)profile.ChainId)
        {
            throw new NodeStartException($"The node reports chain id {chainId}, the profile asks for {profile.ChainId}.", "Delete the network and create it again; if it repeats, the node software ignores --chain-id.");
        }
        var start = await client.GetBlockNumberAsync(ct);
        if (profile.BlockIntervalSeconds == 0)
        {
            // Automine makes blocks only for transactions: ask for one block to prove the node can produce them.
            await client.CallAsync<System.Text.Json.JsonElement?>("evm_mine", [], null, ct);
        }
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(profile.BlockIntervalSeconds * 3 + 5);
        while (await client.GetBlockNumberAsync(ct) <= start)
        {
            if (clock.GetUtcNow() > deadline)
            {
                throw new NodeStartException($"No new block within {profile.BlockIntervalSeconds * 3 + 5} s.", "Check the node's log; a very large block interval makes this step wait longer.");
            }
            await Task.Delay(200, ct);
        }
        return $"Chain id {chainId}; blocks are being produced.";
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
