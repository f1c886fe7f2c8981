namespace NutPortal.Core.Identity;

/// <summary>A personal API token. Only its SHA-256 hash is stored; the secret is shown once at creation.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>Hex SHA-256 of the full token text.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, so a user can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public PortalUser? User { get; set; }
}
