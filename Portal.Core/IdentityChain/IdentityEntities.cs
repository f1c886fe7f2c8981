namespace NutPortal.Core.IdentityChain;

public enum IdentityChainStatus
{
    /// <summary>Uploaded and checked; no registry yet.</summary>
    Draft,
    Deploying,
    Deployed,
    Failed,
}

public enum IdentityStatus
{
    /// <summary>Not in the registry (the contract's zero value).</summary>
    None,
    Active,
    Suspended,
    Revoked,
}

/// <summary>An organization's identity chain: its profile and, once deployed, the registry contract on a network it named.</summary>
public sealed class IdentityChainProfile
{
    public required string Id { get; set; }

    public required string OrganizationId { get; set; }

    public required string Name { get; set; }

    /// <summary>The profile as uploaded (JSON).</summary>
    public required string ProfileJson { get; set; }

    public required string SignatureAlgorithm { get; set; }

    public IdentityChainStatus Status { get; set; }

    /// <summary>What the deployment is doing or why it failed.</summary>
    public string? Progress { get; set; }

    public string? NetworkId { get; set; }

    public string? ContractAddress { get; set; }

    public string? TransactionHash { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DeployedAt { get; set; }
}

/// <summary>A user's identity on a chain: its key and curve, the hash of its registration fields and its status
/// (the registry contract holds the same; the gateway and sign-in read the contract).</summary>
public sealed class ChainIdentity
{
    /// <summary>0x + 64 hex: keccak256 of the chain id and the public key; the id in the registry contract.</summary>
    public required string Id { get; set; }

    public required string IdentityChainId { get; set; }

    /// <summary>The portal user who registered it (and whom it signs in).</summary>
    public required string UserId { get; set; }

    public required string UserName { get; set; }

    /// <summary>The profile's prefix and 40 hex digits of the key's hash.</summary>
    public required string Address { get; set; }

    public required string Curve { get; set; }

    /// <summary>0x-hex public key: uncompressed (0x04‖X‖Y) for P-256, as given (33 or 65 bytes) for secp256k1.</summary>
    public required string PublicKey { get; set; }

    public required string FieldsJson { get; set; }

    public required string FieldsHash { get; set; }

    public IdentityStatus Status { get; set; }

    public DateTime RegisteredAt { get; set; }

    public string? TransactionHash { get; set; }

    public DateTime? ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}

public enum ChallengePurpose
{
    Transaction,
    Registration,
    SignIn,
}

/// <summary>A random nonce issued for a short time; used at most once (a conditional update takes it).</summary>
public sealed class IdentityChallenge
{
    public long Id { get; set; }

    /// <summary>64 hex digits from a cryptographic random source.</summary>
    public required string Nonce { get; set; }

    public required string IdentityChainId { get; set; }

    /// <summary>The identity it is for (null for a registration, which has none yet).</summary>
    public string? IdentityId { get; set; }

    /// <summary>The user it was issued to (null for a sign-in, which has no one signed in yet).</summary>
    public string? UserId { get; set; }

    public ChallengePurpose Purpose { get; set; }

    public string? NetworkId { get; set; }

    public string? TransactionHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}

/// <summary>A business network that relays transactions only with an identity answer from one identity chain.</summary>
public sealed class NetworkIdentityRequirement
{
    public required string NetworkId { get; set; }

    public required string IdentityChainId { get; set; }

    public required string SetBy { get; set; }

    public DateTime SetAt { get; set; }
}
