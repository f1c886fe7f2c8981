namespace NutPortal.Core.SecurityPolicy;

/// <summary>One saved version of a network's policy; versions are never changed, so the list is the policy's audit trail.</summary>
public sealed class SecurityPolicyVersion
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public int Version { get; set; }

    /// <summary>The <see cref="SecurityPolicyDocument"/> as JSON.</summary>
    public required string Document { get; set; }

    public required string ChangedBy { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>A network's data key (AES-256) for confidential payloads, protected at rest by the portal's data protection.</summary>
public sealed class NetworkDataKey
{
    public required string NetworkId { get; set; }

    /// <summary>Named in each marker, so a rotated key can still open older payloads by its id.</summary>
    public required string KeyId { get; set; }

    public required string ProtectedKey { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Who read an encrypted transaction payload in plaintext, when.</summary>
public sealed class PayloadDecryption
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public required string TransactionHash { get; set; }

    public required string UserName { get; set; }

    public required string Level { get; set; }

    public DateTime At { get; set; }
}
