namespace NutPortal.Core.Traces;

/// <summary>
/// One stage of a transaction's life that only the portal can observe (built and signed, submitted), stored
/// when the portal itself sends the transaction. Stages the chain shows are derived from indexed blocks.
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
}
