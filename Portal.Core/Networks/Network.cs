namespace NutPortal.Core.Networks;

public enum NetworkStatus
{
    Deploying,
    Running,
    Degraded,
    Stopped,
    Failed,

    /// <summary>Too few nodes are up for the platform to make blocks (dBFT below 2f + 1, no mining node); nodes coming back resume it.</summary>
    Halted,
}

/// <summary>A blockchain network the portal deployed from a profile.</summary>
public sealed class Network
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Platform { get; set; }

    public required string Driver { get; set; }

    /// <summary>The profile as submitted (JSON), so the network can be redeployed or its nodes restarted exactly.</summary>
    public required string ProfileJson { get; set; }

    public NetworkStatus Status { get; set; }

    public string? StatusMessage { get; set; }

    /// <summary>The organization that runs the network (in a consortium, its operator).</summary>
    public string OrganizationId { get; set; } = Organizations.Organization.DefaultId;

    /// <summary>For a channel: the consortium network it was deployed under, for some of its member organizations.</summary>
    public string? ParentNetworkId { get; set; }

    /// <summary>Standard mode: other organizations find the consortium in the directory and ask to join.</summary>
    public bool ListedForJoining { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<NetworkNode> Nodes { get; set; } = [];
}
