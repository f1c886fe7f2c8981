using Hangfire;
using NutPortal.Core.Oracle;
using NutPortal.Core.Oracle.Chain;

namespace NutPortal.Workers.Oracle;

/// <summary>
/// Every five minutes: on-chain requests whose fulfilment run claimed them over <see cref="StaleAfter"/> ago and never
/// saved an outcome (the portal was killed mid-send) are queued again; the new run asks the chain first, so an answer
/// the dead run got through is recorded, not sent twice. Repeating it finds nothing new, so it retries safely.
/// </summary>
public sealed class OracleFulfilmentRecoveryJob(OracleFulfiller fulfiller, IOracleQueue queue)
{
    public const string Id = "oracle-fulfilment-recovery";

    public const string Cron = "*/5 * * * *";

    /// <summary>Far beyond one send: signing, submitting and waiting for the receipt take seconds, a minute on slow chains.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var requeued = await fulfiller.RequeueStaleAsync(StaleAfter, queue, ct);
        return requeued.Count == 0 ? "No fulfilment was left half-done." : $"Queued the fulfilment of request(s) {string.Join(", ", requeued)} again.";
    }
}
