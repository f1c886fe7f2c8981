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

    /// <summary>The source scanned; in a multi-file scan, the first file (by name) and all of them in <see cref="SourcesJson"/>.</summary>
    public required string Source { get; set; }

    /// <summary>File name → source of a multi-file scan, as JSON; null when one source was scanned.</summary>
    public string? SourcesJson { get; set; }

    public string? CompilerVersion { get; set; }

    /// <summary>The project version scanned, when the scan was of a saved version (the deploy gate reads these).</summary>
    public string? ProjectId { get; set; }

    public int? VersionNumber { get; set; }

    /// <summary>Findings (<see cref="Finding"/> list) as JSON once completed.</summary>
    public string? FindingsJson { get; set; }

    /// <summary>The learned model's riskiest functions (<see cref="Model.FunctionRisk"/> list, highest first) as JSON.</summary>
    public string? RisksJson { get; set; }

    public string? Error { get; set; }

    public string OrganizationId { get; set; } = Organizations.Organization.DefaultId;

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
