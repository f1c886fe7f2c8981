namespace NutPortal.Core.Scanning;

public enum ScanStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>A security scan of Solidity source: queued by the API, run by a background job.</summary>
public sealed class Scan
{
    public required string Id { get; set; }

    public ScanStatus Status { get; set; }

    public required string Source { get; set; }

    public string? CompilerVersion { get; set; }

    /// <summary>The project version scanned, when the scan was of a saved version (the deploy gate reads these).</summary>
    public string? ProjectId { get; set; }

    public int? VersionNumber { get; set; }

    /// <summary>Findings (<see cref="Finding"/> list) as JSON once completed.</summary>
    public string? FindingsJson { get; set; }

    /// <summary>The learned model's riskiest functions (<see cref="Model.FunctionRisk"/> list, highest first) as JSON.</summary>
    public string? RisksJson { get; set; }

    public string? Error { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
