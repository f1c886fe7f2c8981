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

public sealed record WorkloadReport(int Sent, int Confirmed, int Failed, double AchievedTps, LatencySummary? LatencyMs, string? ContractAddress);
