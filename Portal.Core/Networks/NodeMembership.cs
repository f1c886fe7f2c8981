using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

/// <summary>
/// Adds nodes to and removes nodes from running networks, where the platform allows it (its node operations list
/// "add" / "remove"). A new node gets its ports, peers with every node and downloads the chain; its catch-up
/// shows as its height and lag. Each change is audited.
/// </summary>
public sealed class NodeMembership(IDbContextFactory<PortalDbContext> dbFactory, NodeRunner runner, NodeLocks locks, NetworkAudit audit, LiveNotifier notifier, TimeProvider clock)
{
    public Task<OperationResult> AddAsync(string networkId, string actor, CancellationToken ct = default) => AddAsync(networkId, actor, null, ct);

    /// <summary>Adds a node run by <paramref name="organizationId"/> (a consortium member organization), or by the network's own organization when null.</summary>
    public async Task<OperationResult> AddAsync(string networkId, string actor, string? organizationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        if (network is null)
        {
            return OperationResult.NotFound;
        }
        var platform = runner.PlatformFor(network);
        if (Refusal(network, platform, "add") is { } refused)
        {
            return refused;
        }
        if (network.Nodes.Count >= platform.Capabilities.NodeCount.Max)
        {
            return OperationResult.Fail("nodeCount", $"{platform.DisplayName} networks have at most {platform.Capabilities.NodeCount.Max} nodes.");
        }
        var number = network.Nodes.Select(NodeNumbers.Number).DefaultIfEmpty(0).Max() + 1;
        var first = network.Nodes[0];
        var node = new NetworkNode
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            NetworkId = network.Id,
            Name = $"node-{number}",
            OrganizationId = organizationId,
            Status = NodeStatus.Starting,
            Host = first.Host,
            DataDirectory = Path.Combine(Path.GetDirectoryName(first.DataDirectory)!, $"node-{number}"),
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
        };
        network.Nodes.Add(node);
        var profile = NodeRunner.ReadProfile(network);
        network.ProfileJson = JsonSerializer.Serialize(profile with { NodeCount = network.Nodes.Count }, JsonSerializerOptions.Web);
        await db.SaveChangesAsync(ct);
        try
        {
            using (await locks.AcquireAsync(node.Id, ct))
            {
                await runner.AllocateAsync(network.Id, ct);
                await runner.LaunchAsync(node.Id, null, ct);
                await runner.WaitForRpcAsync(node.Id, ct);
            }
        }
        catch (NodeStartException ex)
        {
            await runner.StopAsync(node.Id, NodeStatus.Failed, ex.Message, CancellationToken.None);
            await audit.RecordAsync(networkId, node.Id, actor, "add node", "failed", $"{ex.Message} {ex.Hint}", CancellationToken.None);
            return OperationResult.Fail("node", $"{ex.Message} {ex.Hint}");
        }
        var detail = $"{node.Name} joined; it peers with the other {network.Nodes.Count - 1} node(s) and downloads the chain.";
        await audit.RecordAsync(networkId, node.Id, actor, "add node", "succeeded", detail, ct);
        return OperationResult.Ok(detail) with { NodeId = node.Id };
    }

    public async Task<OperationResult> RemoveAsync(string networkId, string nodeId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        var node = network?.Nodes.SingleOrDefault(n => n.Id == nodeId);
        if (network is null || node is null)
        {
            return OperationResult.NotFound;
        }
        var platform = runner.PlatformFor(network);
        if (Refusal(network, platform, "remove") is { } refused)
        {
            return refused;
        }
        var rest = network.Nodes.Where(n => n.Id != nodeId).ToList();
        var profile = NodeRunner.ReadProfile(network);
        if (rest.Count < platform.Capabilities.NodeCount.Min)
        {
            return OperationResult.Fail("node", $"{platform.DisplayName} networks need at least {platform.Capabilities.NodeCount.Min} node(s).");
        }
        if (!platform.CanProduceBlocks(profile, rest))
        {
            return OperationResult.Fail("node", $"Without {node.Name} no remaining node could make blocks ({platform.Facts.FaultRule}).");
        }
        using (await locks.AcquireAsync(nodeId, ct))
        {
            await runner.DriverFor(network).StopAsync(node, TimeSpan.FromSeconds(10), ct);
            network.Nodes.Remove(node);
            db.NetworkNodes.Remove(node);
            network.ProfileJson = JsonSerializer.Serialize(profile with { NodeCount = rest.Count }, JsonSerializerOptions.Web);
            await db.SaveChangesAsync(ct);
        }
        if (Directory.Exists(node.DataDirectory))
        {
            Directory.Delete(node.DataDirectory, recursive: true);
        }
        await runner.UpdateNetworkStatusAsync(networkId, ct);
        var detail = $"{node.Name} was stopped and removed with its data; {rest.Count} node(s) remain.";
        await audit.RecordAsync(networkId, null, actor, "remove node", "succeeded", detail, ct);
        await notifier.PublishAsync(new NetworkChanged(networkId));
        return OperationResult.Ok(detail);
    }

    private static OperationResult? Refusal(Network network, IBlockchainPlatform platform, string operation)
    {
        if (network.Status is NetworkStatus.Deploying or NetworkStatus.Failed)
        {
            return OperationResult.Fail("network", $"The network is {network.Status.ToString().ToLowerInvariant()}; nodes are added or removed only once it has deployed.");
        }
        return !platform.Capabilities.Allows(operation)
            ? OperationResult.Fail("operation", $"{platform.DisplayName} networks cannot {operation} nodes: {platform.Capabilities.NodeCountNote}")
            : null;
    }
}
