namespace NutPortal.Core.Wallets;

/// <summary>How a wallet account came to be.</summary>
public enum WalletOrigin
{
    Created,
    ImportedKey,
    ImportedKeystore,
}

/// <summary>
/// One account of a user's wallet. The private key is encrypted at rest with the portal's data protection
/// (<see cref="WalletKeys"/>); <see cref="ToString"/> never shows it.
/// </summary>
public sealed class WalletAccount
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>EIP-55 checksummed.</summary>
    public required string Address { get; set; }

    public required string ProtectedPrivateKey { get; set; }

    public WalletOrigin Origin { get; set; }

    public DateTime CreatedAt { get; set; }

    public override string ToString() => $"WalletAccount {Id} {Address}";
}

/// <summary>A faucet payment, kept so the faucet's rate limits hold across replicas and restarts (and after the account is removed).</summary>
public sealed class WalletFaucetGrant
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public long AccountId { get; set; }

    public required string NetworkId { get; set; }

    /// <summary>Wei as a decimal string.</summary>
    public required string Amount { get; set; }

    public string? TransactionHash { get; set; }

    public DateTime At { get; set; }
}
