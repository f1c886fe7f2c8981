namespace NutPortal.Core.Wallets;

public enum WalletFailureKind
{
    /// <summary>No such account for this user, no such network for them.</summary>
    NotFound,
    InvalidInput,

    /// <summary>The account holds too little for the send and its fee; nothing was sent.</summary>
    InsufficientFunds,

    /// <summary>The address is already one of the user's accounts.</summary>
    Duplicate,

    /// <summary>The faucet's limit for the user or the account was reached.</summary>
    RateLimited,

    /// <summary>The network has no running node, or offers no faucet.</summary>
    Unavailable,

    /// <summary>The node would not take the transaction (it would revert, or was refused).</summary>
    Rejected,
}

/// <summary>Why a wallet operation was refused; the API maps the kind to a status and the field to its error.</summary>
public sealed class WalletFailureException(WalletFailureKind kind, string field, string message) : Exception(message)
{
    public WalletFailureKind Kind { get; } = kind;

    public string Field { get; } = field;
}
