namespace NutPortal.Core.Organizations;

/// <summary>An enterprise on the portal: it owns networks, contract projects and alert rules, and sees only those
/// (and the consortium networks shared with it).</summary>
public sealed class Organization
{
    /// <summary>Where every resource of a database made before organizations existed lands, with today's users.</summary>
    public const string DefaultId = "default";

    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>One role a user holds in an organization; a member holds one or more.</summary>
public sealed class OrganizationMember
{
    public required string OrganizationId { get; set; }

    public required string UserId { get; set; }

    public required string Role { get; set; }

    public DateTime JoinedAt { get; set; }
}

/// <summary>An organization that takes part in a consortium network owned (operated) by another organization.</summary>
public sealed class NetworkMember
{
    public required string NetworkId { get; set; }

    public required string OrganizationId { get; set; }

    public required string AddedBy { get; set; }

    public DateTime JoinedAt { get; set; }
}

/// <summary>Who changed an organization's membership, roles, invitations or consortia, and when.</summary>
public sealed class OrganizationAuditEntry
{
    public long Id { get; set; }

    public required string OrganizationId { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string Detail { get; set; }

    public DateTime At { get; set; }
}
