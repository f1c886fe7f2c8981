namespace NutPortal.Core.Monitoring;

/// <summary>A load test against a network: signed transactions sent at a rate for a duration, with its report.</summary>
public sealed class Workload
{
    public required string Id { get; set; }

    public required string NetworkId { get; set; }

    /// <summary>transfer or contract-call.</summary>
    public required string Kind { get; set; }

    public int RatePerSecond { get; set; }

    public int DurationSeconds { get; set; }

    /// <summary>running, completed or failed.</summary>
    public required string Status { get; set; }

    /// <summary>The report (<see cref="WorkloadReport"/>) as JSON once there is one.</summary>
    public string? ReportJson { get; set; }

    public string? Error { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The consortium member organization whose own account sends; null for the network's accounts.</summary>
    public string? OrganizationId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When its job began sending; set once, so a second delivery of the job never sends again.</summary>
    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}

public sealed record LatencySummary(double Min, double Avg, double P50, double P95, double P99)
{
    public static LatencySummary? From(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return null;
        }
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(Math.Round(sorted[0], 1), Math.Round(sorted.Average(), 1), Math.Round(At(0.5), 1), Math.Round(At(0.95), 1), Math.Round(At(0.99), 1));
    }
}

public sealed record WorkloadReport(int Sent, int Confirmed, int Failed, double AchievedTps, LatencySummary? LatencyMs, string? ContractAddress)
{
    /// <summary>Per node, on platforms whose nodes are watched one by one (<c>ITransferPlatform</c>); null on Ethereum.</summary>
    public IReadOnlyList<NodeTimes>? Nodes { get; init; }

    /// <summary>The node with the highest p95 from acceptance to its own import of the block.</summary>
    public string? SlowestNode { get; init; }

    /// <summary>The transaction that took longest from acceptance to its import on every node (its trace is the one to look at).</summary>
    public string? SlowestTransaction { get; init; }

    /// <summary>The node whose wallet sent, on platforms where a node sends.</summary>
    public string? Sender { get; init; }

    /// <summary>What the platform did before sending (e.g. mined coins for the wallet).</summary>
    public string? Preparation { get; init; }

    /// <summary>Node reads that failed while watching (each is retried the next interval).</summary>
    public int? WatchErrors { get; init; }
}

/// <summary>
/// One node's view of a workload's transactions (ms): <see cref="PropagationMs"/> from the sender's acceptance to
/// this node's pool, <see cref="ImportMs"/> from the block's first sighting on any node to this node's import,
/// <see cref="ReadyMs"/> from acceptance to this node's import. <see cref="BlockFirst"/>: transactions this node
/// never held in its pool because the block that includes them arrived first.
/// </summary>
public sealed record NodeTimes(string Node, LatencySummary? PropagationMs, LatencySummary? ImportMs, LatencySummary? ReadyMs, int BlockFirst);
