namespace NutPortal.Core.Traces;

/// <summary>The stages of a transaction's life, in order.</summary>
public static class TraceStages
{
    /// <summary>The portal built and signed the transaction (portal-submitted only).</summary>
    public const string BuiltAndSigned = "built and signed";

    /// <summary>eth_sendRawTransaction until the node answered with the hash (portal-submitted only).</summary>
    public const string Submitted = "submitted";

    /// <summary>From the sending node's acceptance until another node held it in its pool (one span per node).</summary>
    public const string Propagated = "propagated";

    /// <summary>From submission until the block that includes it (portal-submitted only).</summary>
    public const string Pending = "pending";

    /// <summary>The including block's production: its parent's timestamp to its own.</summary>
    public const string Included = "included";

    /// <summary>From inclusion until the block at the confirmation depth.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>From the block's first sighting on any node until this node imported it (one span per node).</summary>
    public const string Imported = "imported";

    /// <summary>The stages of an indexed (Ethereum) network's traces, the ones the traces page filters and summarises.</summary>
    public static IReadOnlyList<string> All { get; } = [BuiltAndSigned, Submitted, Pending, Included, Confirmed];

    /// <summary>Every stage in life order, the per-node ones (multi-node networks watched by a workload) included.</summary>
    public static IReadOnlyList<string> InOrder { get; } = [BuiltAndSigned, Submitted, Propagated, Pending, Included, Imported, Confirmed];

    /// <summary>How an included stage's detail names the node that made the block ("made by node-3, ").</summary>
    public static string MadeBy(string producer) => $"made by {producer}, ";

    /// <summary>The node an included stage's detail says made the block, or null.</summary>
    public static string? ProducerIn(string detail)
    {
        const string Marker = "made by ";
        var at = detail.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var from = at + Marker.Length;
        var end = detail.IndexOf(", ", from, StringComparison.Ordinal);
        return end > from ? detail[from..end] : null;
    }
}
