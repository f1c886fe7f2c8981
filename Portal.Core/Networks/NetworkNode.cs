namespace NutPortal.Core.Networks;

public enum NodeStatus
{
    Starting,
    Up,
    Down,
    Stopped,
    Failed,
}

/// <summary>One node of a network: where it listens, which process runs it, and how it is doing.</summary>
public sealed class NetworkNode
{
    public required string Id { get; set; }

    public required string NetworkId { get; set; }

    public required string Name { get; set; }

    /// <summary>The consortium member organization that added and runs this node; null for the network's own nodes.</summary>
    public string? OrganizationId { get; set; }

    public NodeStatus Status { get; set; }

    public string Host { get; set; } = "127.0.0.1";

    public int? Port { get; set; }

    public string? RpcUrl { get; set; }

    /// <summary>The operating-system process (local driver) while the node runs.</summary>
    public int? ProcessId { get; set; }

    public string Version { get; set; } = "";

    public string Hardfork { get; set; } = "";

    public required string DataDirectory { get; set; }

    public DateTime? StartedAt { get; set; }

    public long? BlockHeight { get; set; }

    public int RestartCount { get; set; }

    public string? LastError { get; set; }

    public DateTime UpdatedAt { get; set; }
}
