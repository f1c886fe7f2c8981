using System.ComponentModel.DataAnnotations;

namespace NutPortal.Workers;

/// <summary>Settings under <c>Portal:Workers</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Portal:Workers";

    /// <summary>When false, this process runs no Hangfire server and schedules no recurring job (it still enqueues).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long finished jobs stay in Hangfire's history (the dashboard) before they expire.</summary>
    [Range(1, 3650)]
    public int JobRetentionDays { get; set; } = 14;

    /// <summary>Workers of the default queue (scans, test runs, deployments, maintenance).</summary>
    [Range(1, 64)]
    public int DefaultQueueWorkers { get; set; } = 4;

    /// <summary>
    /// How often an idle worker asks storage for queued jobs (PostgreSQL also long-polls). Every worker polls: at
    /// 500 ms the SQLite storage alone cost an idle portal about 70 ms of CPU a second (bench collector).
    /// </summary>
    [Range(50, 60_000)]
    public int QueuePollMilliseconds { get; set; } = 1000;

    /// <summary>How often due scheduled and recurring jobs are moved to their queues.</summary>
    [Range(1, 3600)]
    public int SchedulePollingSeconds { get; set; } = 15;

    /// <summary>
    /// PostgreSQL storage: a job whose server stopped renewing it (killed) is handed to another server after this
    /// long; running jobs are renewed, so long jobs are not re-run. (The SQLite file uses a fixed 30 minutes.)
    /// </summary>
    [Range(10, 86_400)]
    public int InvisibilityTimeoutSeconds { get; set; } = 60;
}
