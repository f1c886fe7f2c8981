using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

public enum NodeAction
{
    Start,
    Stop,
    Restart,
    Upgrade,

    /// <summary>Stop the node, wipe its chain data, start it: it downloads the chain from its peers and rejoins.</summary>
    Resync,
}

/// <summary>The outcome of an operator action: done, or a field-level error, or not found.</summary>
public sealed record OperationResult(bool Found, IReadOnlyList<ProfileError> Errors, string? Detail = null)
{
    /// <summary>The node an operation created, when it created one.</summary>
    public string? NodeId { get; init; }

    public bool Succeeded => Found && Errors.Count == 0;

    public static OperationResult NotFound { get; } = new(false, []);

    public static OperationResult Ok(string detail) => new(true, [], detail);

    public static OperationResult Fail(string field, string message) => new(true, [new ProfileError(field, message)]);
}

/// <summary>What operators do to running networks: node start/stop/restart/upgrade/resync and runtime settings. Each action is audited.</summary>
public sealed class NodeOperations(IDbContextFactory<PortalDbContext> dbFactory, NodeRunner runner, NodeLocks locks, NetworkAudit audit)
{
    public async Task<OperationResult> RunAsync(string networkId, string nodeId, NodeAction action, string? hardfork, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        var node = network?.Nodes.SingleOrDefault(n => n.Id == nodeId);
        if (network is null || node is null)
        {
            return OperationResult.NotFound;
        }
        if (network.Status == NetworkStatus.Deploying)
        {
            return OperationResult.Fail("network", "The network is still deploying; wait for the deployment to finish.");
        }
        var profile = NodeRunner.ReadProfile(network);
        var platform = runner.PlatformFor(network);
        var verb = action.ToString().ToLowerInvariant();
        if (!platform.Capabilities.Allows(verb))
        {
            return OperationResult.Fail("operation", $"{platform.DisplayName} nodes support: {string.Join(", ", platform.Capabilities.NodeOperations!)}.");
        }
        if (action == NodeAction.Upgrade)
        {
            var hardforks = platform.Capabilities.Hardforks;
            if (string.IsNullOrWhiteSpace(hardfork) || !hardforks.Contains(hardfork))
            {
                return OperationResult.Fail("hardfork", $"Pick a hardfork: {string.Join(", ", hardforks)}.");
            }
            profile = profile with { Hardfork = hardfork };
            network.ProfileJson = JsonSerializer.Serialize(profile, JsonSerializerOptions.Web);
            await db.SaveChangesAsync(ct);
        }
        try
        {
            using (await locks.AcquireAsync(nodeId, ct))
            {
                if (action is NodeAction.Stop or NodeAction.Restart or NodeAction.Upgrade or NodeAction.Resync)
                {
                    await runner.StopAsync(nodeId, NodeStatus.Stopped, null, ct);
                }
                if (action == NodeAction.Resync)
                {
                    await platform.WipeChainDataAsync(profile, node, ct);
                }
                if (action is NodeAction.Start or NodeAction.Restart or NodeAction.Upgrade or NodeAction.Resync)
                {
                    await StartWithOneRetryAsync(nodeId, profile, ct);
                }
            }
        }
        catch (NodeStartException ex)
        {
            await runner.StopAsync(nodeId, NodeStatus.Failed, ex.Message, CancellationToken.None);
            await audit.RecordAsync(networkId, nodeId, actor, verb, "failed", $"{ex.Message} {ex.Hint}", CancellationToken.None);
            return OperationResult.Fail("node", $"{ex.Message} {ex.Hint}");
        }
        var detail = action switch
        {
            NodeAction.Upgrade => $"{node.Name} now runs hardfork {hardfork}; chain data kept.",
            NodeAction.Resync => $"{node.Name}: chain data wiped and the node restarted; it downloads the chain from its peers.",
            _ => $"{node.Name}: {verb} done.",
        };
        await audit.RecordAsync(networkId, nodeId, actor, verb, "succeeded", detail, ct);
        return OperationResult.Ok(detail);
    }

    /// <summary>
    /// A node that fails to come up right after a stop (its port or state file still settling on a busy
    /// machine) gets one more try before the operator is told it failed.
    /// </summary>
    private async Task StartWithOneRetryAsync(string nodeId, NetworkProfile profile, CancellationToken ct)
    {
        try
        {
            await runner.LaunchAsync(nodeId, profile, ct);
            await runner.WaitForRpcAsync(nodeId, ct);
        }
        catch (NodeStartException)
        {
            await runner.StopAsync(nodeId, NodeStatus.Stopped, null, ct);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            await runner.LaunchAsync(nodeId, profile, ct);
            await runner.WaitForRpcAsync(nodeId, ct);
        }
    }

    /// <summary>Changes block interval and/or gas limit on the running node and in the stored profile.</summary>
    public async Task<OperationResult> ChangeSettingsAsync(string networkId, int? blockIntervalSeconds, long? blockGasLimit, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null)
        {
            return OperationResult.NotFound;
        }
        var platform = runner.PlatformFor(network);
        var caps = platform.Capabilities;
        if (blockIntervalSeconds is not null && !caps.RuntimeChanges.Contains("blockIntervalSeconds"))
        {
            return OperationResult.Fail("blockIntervalSeconds", $"{platform.DisplayName} networks cannot change this while running.");
        }
        if (blockGasLimit is not null && !caps.RuntimeChanges.Contains("blockGasLimit"))
        {
            return OperationResult.Fail("blockGasLimit", $"{platform.DisplayName} networks cannot change this while running.");
        }
        if (blockIntervalSeconds is { } interval && (interval < caps.BlockIntervalSeconds.Min || interval > caps.BlockIntervalSeconds.Max))
        {
            return OperationResult.Fail("blockIntervalSeconds", $"Must be between {caps.BlockIntervalSeconds.Min} and {caps.BlockIntervalSeconds.Max}; got {interval}.");
        }
        if (blockGasLimit is { } gas && (gas < caps.BlockGasLimit.Min || gas > caps.BlockGasLimit.Max))
        {
            return OperationResult.Fail("blockGasLimit", $"Must be between {caps.BlockGasLimit.Min} and {caps.BlockGasLimit.Max}; got {gas}.");
        }
        if (blockIntervalSeconds is null && blockGasLimit is null)
        {
            return OperationResult.Fail("blockIntervalSeconds", "Give blockIntervalSeconds and/or blockGasLimit.");
        }
        foreach (var node in network.Nodes.Where(n => n.Status == NodeStatus.Up && n.RpcUrl is not null))
        {
            try
            {
                await platform.ApplyRuntimeSettingsAsync(node, blockIntervalSeconds, blockGasLimit, ct);
            }
            catch (NodeRpcException ex)
            {
                return OperationResult.Fail("node", $"{node.Name} did not take the settings: {ex.Message}");
            }
        }
        var profile = NodeRunner.ReadProfile(network);
        profile = profile with
        {
            BlockIntervalSeconds = blockIntervalSeconds ?? profile.BlockIntervalSeconds,
            BlockGasLimit = blockGasLimit ?? profile.BlockGasLimit,
        };
        network.ProfileJson = JsonSerializer.Serialize(profile, JsonSerializerOptions.Web);
        await db.SaveChangesAsync(ct);
        var detail = $"Block interval {profile.BlockIntervalSeconds} s, gas limit {profile.BlockGasLimit}.";
        await audit.RecordAsync(networkId, null, actor, "change settings", "succeeded", detail, ct);
        return OperationResult.Ok(detail);
    }
}
