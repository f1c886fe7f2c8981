namespace NutPortal.Core.Traces;

/// <summary>
/// One stage of a transaction's life that only the portal can observe (built and signed, submitted; on watched
/// multi-node networks also propagation and import per node), stored when the portal itself sends the
/// transaction. On indexed (Ethereum) networks the stages the chain shows are derived from indexed blocks.
/// </summary>
public sealed class TraceSpan
{
    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public required string TransactionHash { get; set; }

    /// <summary>One of <see cref="TraceStages"/>.</summary>
    public required string Stage { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime EndedAt { get; set; }

    public string? Detail { get; set; }

    /// <summary>The node the stage happened on, for stages timed per node (propagation, import); null otherwise.</summary>
    public string? Node { get; set; }

    /// <summary>The including block's height, where the stage knows it (traces without an explorer index).</summary>
    public long? BlockNumber { get; set; }
}
