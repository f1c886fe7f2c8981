using System.Text.Json;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Workers.Networks;

namespace NutPortal.Web.Api;

/// <param name="LagBlocks">How many blocks the node is behind the network's best node (0 at the head; null until sampled).</param>
/// <param name="OrganizationId">The consortium member organization that runs the node; null for the network's own nodes.</param>
public sealed record NodeResource(string Id, string Name, NodeStatus Status, string? RpcUrl, long? BlockHeight, string Version, string Hardfork,
    DateTime? StartedAt, long? UptimeSeconds, int RestartCount, string? LastError,
    string? BestHash = null, int? Peers = null, int? MempoolSize = null, long? LagBlocks = null, string? OrganizationId = null);

/// <param name="OrganizationId">The organization that runs the network (a consortium's operator).</param>
/// <param name="ParentNetworkId">For a channel: the consortium network it runs under.</param>
/// <param name="ListedForJoining">Listed in the consortium directory, where other organizations ask to join.</param>
public sealed record NetworkResource(string Id, string Name, string Platform, string Driver, NetworkStatus Status, string? StatusMessage,
    string CreatedBy, DateTime CreatedAt, NetworkProfile Profile, IReadOnlyList<NodeResource> Nodes,
    string? OrganizationId = null, string? ParentNetworkId = null, bool ListedForJoining = false);

public sealed record StepResource(string Name, StepStatus Status, DateTime? StartedAt, DateTime? FinishedAt, double? DurationSeconds, string? Message, string? Hint);

/// <summary>Maps stored networks to the API's shapes; live block heights come from the supervisor's tracker.</summary>
public sealed class NetworkResources(BlockHeightTracker heights, TimeProvider clock)
{
    public NetworkResource From(Network network)
    {
        var best = network.Nodes.Where(n => n.Status == NodeStatus.Up).Select(n => heights.Latest(n.Id) ?? n.BlockHeight).Max();
        return new(
            network.Id, network.Name, network.Platform, network.Driver, network.Status, network.StatusMessage, network.CreatedBy, network.CreatedAt,
            JsonSerializer.Deserialize<NetworkProfile>(network.ProfileJson, JsonSerializerOptions.Web)!,
            [.. network.Nodes.OrderBy(NodeNumbers.Number).Select(n => From(n, best))], network.OrganizationId, network.ParentNetworkId, network.ListedForJoining);
    }

    public NodeResource From(NetworkNode node) => From(node, null);

    /// <summary>The node with its lag behind the network's best height (null when either height is unknown).</summary>
    public NodeResource From(NetworkNode node, long? bestHeight)
    {
        var height = heights.Latest(node.Id) ?? node.BlockHeight;
        var state = node.Status == NodeStatus.Up ? heights.State(node.Id) : null;
        return new(
            node.Id, node.Name, node.Status, node.RpcUrl, height, node.Version, node.Hardfork, node.StartedAt,
            node.Status == NodeStatus.Up && node.StartedAt is { } started ? (long)(clock.GetUtcNow().UtcDateTime - started).TotalSeconds : null,
            node.RestartCount, node.LastError, state?.BestHash, state?.Peers, state?.MempoolSize,
            bestHeight is { } b && height is { } h ? Math.Max(0, b - h) : null, node.OrganizationId);
    }

    public static StepResource From(DeploymentStep step) => new(
        step.Name, step.Status, step.StartedAt, step.FinishedAt,
        step.StartedAt is { } s && step.FinishedAt is { } f ? (f - s).TotalSeconds : null, step.Message, step.Hint);
}
