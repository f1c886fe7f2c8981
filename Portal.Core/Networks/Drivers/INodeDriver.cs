using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Drivers;

/// <summary>
/// Where nodes run. A driver starts, stops and checks nodes and shows their recent log lines; the
/// supervisor and operations are written against this interface only, so more drivers slot in.
/// </summary>
public interface INodeDriver
{
    string Name { get; }

    /// <summary>Starts the node and returns the process id (local) or null when the driver has none.</summary>
    Task<int?> StartAsync(NodeStartRequest request, CancellationToken ct);

    /// <summary>Stops the node, gracefully first (so the chain state is dumped), then forcibly after the grace period.</summary>
    Task StopAsync(NetworkNode node, TimeSpan grace, CancellationToken ct);

    /// <summary>True while the node's process (or workload) exists; says nothing about RPC.</summary>
    bool IsRunning(NetworkNode node);

    IReadOnlyList<string> RecentLogLines(NetworkNode node, int max);
}

public sealed record NodeStartRequest(Network Network, NetworkNode Node, NetworkProfile Profile, NodeLaunch Launch);
