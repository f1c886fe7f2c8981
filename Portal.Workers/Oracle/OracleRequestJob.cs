using Hangfire;
using NutPortal.Core.Oracle;
using NutPortal.Core.Oracle.Chain;
using NutPortal.Workers.Jobs;

namespace NutPortal.Workers.Oracle;

/// <summary>
/// One attempt of an oracle request (Hangfire job, argument: the request id). Retries are the runner's own
/// (scheduled with a doubling wait, counted on the request), so Hangfire never retries the job itself.
/// </summary>
public sealed class OracleRequestJob(OracleRunner runner)
{
    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync(long requestId, CancellationToken ct) => runner.RunAsync(requestId, ct);
}

/// <summary>Queues oracle attempts as Hangfire jobs.</summary>
internal sealed class HangfireOracleQueue(IBackgroundJobClient jobs) : IOracleQueue
{
    public void Enqueue(long requestId) =>
        jobs.Enqueue<OracleRequestJob>(JobQueues.Default, j => j.RunAsync(requestId, CancellationToken.None));

    public void Schedule(long requestId, TimeSpan delay) =>
        jobs.Schedule<OracleRequestJob>(JobQueues.Default, j => j.RunAsync(requestId, CancellationToken.None), delay);

    public void EnqueueFulfilment(long requestId) =>
        jobs.Enqueue<OracleFulfilmentJob>(JobQueues.Transactions, j => j.RunAsync(requestId, CancellationToken.None));
}

/// <summary>Sends one on-chain request's answer (Hangfire job, argument: the request id). Broadcasts a transaction, so never retried.</summary>
public sealed class OracleFulfilmentJob(OracleFulfiller fulfiller)
{
    [AutomaticRetry(Attempts = 0)]
    public Task<string> RunAsync(long requestId, CancellationToken ct) => fulfiller.RunAsync(requestId, ct);
}
