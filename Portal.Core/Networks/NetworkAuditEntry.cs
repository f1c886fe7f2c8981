namespace NutPortal.Core.Networks;

/// <summary>Who did what to a network or node, when, and how it ended.</summary>
public sealed class NetworkAuditEntry
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public string? NodeId { get; set; }

    /// <summary>The user's name, or <c>portal</c> for the supervisor's own actions.</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string Outcome { get; set; }

    public string? Detail { get; set; }

    public DateTime At { get; set; }
}
