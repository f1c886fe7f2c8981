using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Monitoring;

/// <summary>Settings under <c>Portal:Monitoring</c>.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Portal:Monitoring";

    /// <summary>Seconds between collection rounds (every Running network's chain and node processes).</summary>
    [Range(1, 3600)]
    public int SampleIntervalSeconds { get; set; } = 5;

    /// <summary>How long raw samples are kept before only per-minute averages remain.</summary>
    [Range(1, 24 * 30)]
    public int RawRetentionHours { get; set; } = 24;

    [Range(1, 365)]
    public int MinuteRetentionDays { get; set; } = 30;

    [Range(1, 3650)]
    public int HourRetentionDays { get; set; } = 365;

    /// <summary>Most blocks read per network per round; a node far ahead is caught up over several rounds.</summary>
    [Range(1, 1000)]
    public int MaxBlocksPerSample { get; set; } = 100;

    /// <summary>
    /// With several replicas on one database, one of them collects and evaluates alerts; it renews its lease every
    /// round, and another replica takes over this many seconds after it stopped renewing.
    /// </summary>
    [Range(2, 600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>
    /// Milliseconds between the trace watcher's reads of every Up node of a Neo or Litecoin network (each node's pool
    /// and head): the precision of the per-node propagation and import times of transactions the portal did not send.
    /// </summary>
    [Range(100, 60_000)]
    public int TraceWatchMilliseconds { get; set; } = 1000;

    /// <summary>Cron (5 fields, UTC; Hangfire recurring job <c>metric-rollup</c>) of the roll-up and retention job.</summary>
    [Required]
    public string RollupCron { get; set; } = "* * * * *";
}
