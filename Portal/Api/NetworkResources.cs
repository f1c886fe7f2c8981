using System.Text.Json;
using NutPortal.Core.Networks;
using NutPortal.Workers.Networks;

namespace NutPortal.Web.Api;

public sealed record NodeResource(string Id, string Name, NodeStatus Status, string? RpcUrl, long? BlockHeight, string Version, string Hardfork,
    DateTime? StartedAt, long? UptimeSeconds, int RestartCount, string? LastError);

public sealed record NetworkResource(string Id, string Name, string Platform, string Driver, NetworkStatus Status, string? StatusMessage,
    string CreatedBy, DateTime CreatedAt, NetworkProfile Profile, IReadOnlyList<NodeResource> Nodes);

public sealed record StepResource(string Name, StepStatus Status, DateTime? StartedAt, DateTime? FinishedAt, double? DurationSeconds, string? Message, string? Hint);

/// <summary>Maps stored networks to the API's shapes; live block heights come from the supervisor's tracker.</summary>
public sealed class NetworkResources(BlockHeightTracker heights, TimeProvider clock)
{
    public NetworkResource From(Network network) => new(
        network.Id, network.Name, network.Platform, network.Driver, network.Status, network.StatusMessage, network.CreatedBy, network.CreatedAt,
        JsonSerializer.Deserialize<NetworkProfile>(network.ProfileJson, JsonSerializerOptions.Web)!,
        [.. network.Nodes.OrderBy(n => n.Name, StringComparer.Ordinal).Select(From)]);

    public NodeResource From(NetworkNode node) => new(
        node.Id, node.Name, node.Status, node.RpcUrl, heights.Latest(node.Id) ?? node.BlockHeight, node.Version, node.Hardfork, node.StartedAt,
        node.Status == NodeStatus.Up && node.StartedAt is { } started ? (long)(clock.GetUtcNow().UtcDateTime - started).TotalSeconds : null,
        node.RestartCount, node.LastError);

    public static StepResource From(DeploymentStep step) => new(
        step.Name, step.Status, step.StartedAt, step.FinishedAt,
        step.StartedAt is { } s && step.FinishedAt is { } f ? (f - s).TotalSeconds : null, step.Message, step.Hint);
}
