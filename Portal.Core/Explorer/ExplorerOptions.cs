using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Explorer;

/// <summary>Settings under <c>Portal:Explorer</c>.</summary>
public sealed class ExplorerOptions
{
    public const string Section = "Portal:Explorer";

    /// <summary>Index the chains of running networks in this process (turn off on read-only replicas).</summary>
    public bool IndexerEnabled { get; set; } = true;

    /// <summary>With several replicas: how long after the indexing replica stops renewing its lease another one takes over.</summary>
    [System.ComponentModel.DataAnnotations.Range(3, 600)]
    public int IndexerLeaseSeconds { get; set; } = 15;

    /// <summary>
    /// How long a caught-up indexer waits before asking its node again when no new height was seen (the node
    /// supervisor's height samples wake it as soon as a block appears).
    /// </summary>
    [Range(50, 60_000)]
    public int PollIntervalMilliseconds { get; set; } = 3000;

    /// <summary>Blocks fetched in one JSON-RPC batch while catching up.</summary>
    [Range(1, 500)]
    public int BlocksPerBatch { get; set; } = 25;

    /// <summary>Longest wait between retries while a node does not answer.</summary>
    [Range(1, 3600)]
    public int MaxRetryBackoffSeconds { get; set; } = 30;

    /// <summary>Blocks on top of a transaction's block after which the explorer calls it confirmed.</summary>
    [Range(1, 1000)]
    public int ConfirmationDepth { get; set; } = 6;
}
