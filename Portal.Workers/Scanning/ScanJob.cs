using Hangfire;
using NutPortal.Core.Scanning;
using NutPortal.Workers.Jobs;

namespace NutPortal.Workers.Scanning;

/// <summary>Scans one stored scan's sources (Hangfire job, argument: the scan id). A scan only reads, so a failed one retries.</summary>
public sealed class ScanJob(ScanService scans)
{
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [5, 30])]
    public async Task<string> RunAsync(string scanId, CancellationToken ct)
    {
        // A scan already ended (or ended as interrupted at a restart) keeps its outcome if its job comes again.
        if (await scans.GetAsync(scanId, ct) is { Status: ScanStatus.Completed or ScanStatus.Failed } done)
        {
            return $"Scan {scanId} already ended: {done.Status}.";
        }
        return await scans.RunAsync(scanId, ct);
    }
}

/// <summary>Queues scans as Hangfire jobs.</summary>
internal sealed class HangfireScanQueue(IBackgroundJobClient jobs) : IScanQueue
{
    public Task EnqueueAsync(string scanId, CancellationToken ct)
    {
        jobs.Enqueue<ScanJob>(JobQueues.Default, j => j.RunAsync(scanId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
