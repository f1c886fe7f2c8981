using System.ComponentModel.DataAnnotations;

namespace NutPortal.Workers;

/// <summary>Settings under <c>Portal:Workers</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Portal:Workers";

    /// <summary>When false, no job is scheduled (useful for a read-only replica).</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 3650)]
    public int JobRunRetentionDays { get; set; } = 14;

    /// <summary>Cron expression (Quartz syntax) for the retention job.</summary>
    [Required]
    public string JobRunRetentionCron { get; set; } = "0 17 3 * * ?";
}
