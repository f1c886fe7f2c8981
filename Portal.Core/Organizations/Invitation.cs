namespace NutPortal.Core.Organizations;

public static class InvitationKinds
{
    /// <summary>A person is invited to join an organization with a role (by a link sent to their e-mail address).</summary>
    public const string Member = "member";

    /// <summary>An organization is invited into a consortium network; one of its Owners accepts.</summary>
    public const string Network = "network";

    /// <summary>Standard mode: an organization asks to join a listed consortium; its operator approves or declines.</summary>
    public const string JoinRequest = "join";
}

/// <summary>An open invitation; accepted or revoked once, and only before it expires.</summary>
public sealed class Invitation
{
    public required string Id { get; set; }

    public required string Kind { get; set; }

    /// <summary>The inviting organization (for a network invitation, the network's operator).</summary>
    public required string OrganizationId { get; set; }

    public string? Email { get; set; }

    public string? Role { get; set; }

    public string? NetworkId { get; set; }

    /// <summary>The organization invited into a network, or (join requests) the one asking to join.</summary>
    public string? InvitedOrganizationId { get; set; }

    /// <summary>What a join request says to the operator.</summary>
    public string? Message { get; set; }

    /// <summary>SHA-256 of the secret in the invitation link (member invitations); the secret itself is never stored.</summary>
    public string? TokenHash { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public string? AcceptedBy { get; set; }

    public DateTime? RevokedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsOpen(DateTime now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
