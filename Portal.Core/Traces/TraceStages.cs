namespace NutPortal.Core.Traces;

/// <summary>The stages of a transaction's life, in order.</summary>
public static class TraceStages
{
    /// <summary>The portal built and signed the transaction (portal-submitted only).</summary>
    public const string BuiltAndSigned = "built and signed";

    /// <summary>eth_sendRawTransaction until the node answered with the hash (portal-submitted only).</summary>
    public const string Submitted = "submitted";

    /// <summary>From submission until the block that includes it (portal-submitted only).</summary>
    public const string Pending = "pending";

    /// <summary>The including block's production: its parent's timestamp to its own.</summary>
    public const string Included = "included";

    /// <summary>From inclusion until the block at the confirmation depth.</summary>
    public const string Confirmed = "confirmed";

    public static IReadOnlyList<string> All { get; } = [BuiltAndSigned, Submitted, Pending, Included, Confirmed];
}
