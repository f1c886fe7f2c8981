namespace NutPortal.Core.Networks;

/// <summary>A funded test account of a network. The private key is encrypted at rest (ASP.NET Data Protection).</summary>
public sealed class NetworkAccount
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public required string Address { get; set; }

    public required string ProtectedPrivateKey { get; set; }

    /// <summary>The consortium member organization the account was made for; null for the network's own accounts.</summary>
    public string? OrganizationId { get; set; }
}
