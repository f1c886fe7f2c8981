namespace NutPortal.Core.Gateway;

/// <summary>A call the gateway did not relay to the network's nodes, with the rule that refused it.</summary>
public sealed class GatewayRefusal
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who asked (the token's user).</summary>
    public required string Caller { get; set; }

    /// <summary>The JSON-RPC method, or <c>portal-signed (via)</c> for a transaction the portal was to sign for the user (<see cref="UserTransactionGuard"/>).</summary>
    public required string Method { get; set; }

    /// <summary>The rule: method-not-relayed, not-signed, wrong-chain, no-replay-protection, submit-not-allowed, too-large.</summary>
    public required string Rule { get; set; }

    public required string Reason { get; set; }

    /// <summary>For transactions: the recovered sender and the hash, when they could be read.</summary>
    public string? Sender { get; set; }

    public string? TransactionHash { get; set; }
}
