using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Oracle;

/// <summary>
/// Runs one attempt of a stored request: waits out rate limits, claims the request, makes the guarded call,
/// types the answer and records it; a transient failure schedules the next attempt with a doubling wait.
/// Safe to run twice: a finished request, or one another run holds, is left alone.
/// </summary>
public sealed partial class OracleRunner(
    IDbContextFactory<PortalDbContext> dbFactory,
    OracleHttpFetcher fetcher,
    OracleSourceFetcher sources,
    OracleRateLimits limits,
    IOracleQueue queue,
    LiveNotifier notifier,
    IOptionsMonitor<OracleOptions> options,
    TimeProvider clock,
    ILogger<OracleRunner> logger)
{
    /// <summary>A run that has held a request this much longer than its timeout is taken to have died.</summary>
    private static readonly TimeSpan StaleRunMargin = TimeSpan.FromSeconds(60);

    public async Task<string> RunAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.OracleRequests.SingleOrDefaultAsync(r => r.Id == id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request is null)
        {
            return $"Oracle request {id} no longer exists.";
        }
        if (request.IsFinished)
        {
            return $"Oracle request {id} already {request.Status}.";
        }
        var staleAt = request.StartedAt + TimeSpan.FromMilliseconds(request.TimeoutMs) + StaleRunMargin;
        if (request.Status == OracleStatus.Running && staleAt > now)
        {
            // Look again once that run would be over: if its process died meanwhile, the request is not left behind.
            queue.Schedule(id, staleAt.Value - now);
            return $"Oracle request {id} is running elsewhere; checked again at {staleAt:u}.";
        }
        if (await limits.TryAcquireAsync(request) is { } limited)
        {
            queue.Schedule(id, limited.Wait);
            return $"Rate limited by {limited.Limit}; tries again in {limited.Wait.TotalSeconds:0.#} s.";
        }

        // Claim: only one run moves the request from the state it read.
        var attempts = request.Attempts;
        var claimed = await db.OracleRequests
            .Where(r => r.Id == id && r.Attempts == attempts && r.Status == request.Status)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, OracleStatus.Running).SetProperty(r => r.Attempts, attempts + 1).SetProperty(r => r.StartedAt, now), ct);
        if (claimed == 0)
        {
            return $"Oracle request {id} was taken by another run.";
        }
        await db.Entry(request).ReloadAsync(ct);
        await notifier.PublishAsync(new OracleRequestChanged(id, request.NetworkId, request.UserId, OracleStatus.Running));

        var fetch = OracleNetworkSource.IsSourceUrl(request.Url) ? await sources.FetchAsync(request, ct) : await fetcher.FetchAsync(request, ct);
        Record(request, fetch);
        if (request.Status == OracleStatus.Retrying)
        {
            var wait = TimeSpan.FromSeconds(options.CurrentValue.RetryBaseSeconds * Math.Pow(2, request.Attempts - 1));
            queue.Schedule(id, wait);
            request.Error += $" Attempt {request.Attempts} of {request.MaxRetries + 1}; next in {wait.TotalSeconds:0.##} s.";
        }
        await db.SaveChangesAsync(CancellationToken.None);
        if (request is { IsFinished: true, ChainKey: not null })
        {
            queue.EnqueueFulfilment(id);
        }
        LogAnswered(logger, id, request.Attempts, request.Status, request.HttpStatus, request.DurationMs, request.Value ?? "", request.Error ?? "");
        await notifier.PublishAsync(new OracleRequestChanged(id, request.NetworkId, request.UserId, request.Status));
        return $"Oracle request {id}: {request.Status}" + (request.Error is { } e ? $": {e}" : $" = {request.Value}");
    }

    private void Record(OracleRequest request, OracleFetch fetch)
    {
        var stored = options.CurrentValue.StoredBodyBytes;
        request.HttpStatus = fetch.HttpStatus;
        request.DurationMs = fetch.DurationMs;
        request.RawBody = fetch.Body.Length > stored ? fetch.Body[..stored] : fetch.Body;
        request.RawBodyTruncated = fetch.Body.Length > stored;
        request.Value = null;
        if (fetch.Error is not null)
        {
            request.Error = fetch.Error;
            request.Status = fetch.Transient && request.Attempts <= request.MaxRetries ? OracleStatus.Retrying : OracleStatus.Failed;
        }
        else
        {
            var (value, error) = OracleValue.FromBody(fetch.Body, request.Selector, request.ResultType, request.Decimals);
            (request.Value, request.Error) = (value, error);
            request.Status = error is null ? OracleStatus.Succeeded : OracleStatus.Failed;
        }
        if (request.Value is { Length: > 4096 })
        {
            (request.Value, request.Error, request.Status) = (null, $"The selected value is longer than 4096 characters.", OracleStatus.Failed);
        }
        if (request.Error is { Length: > 1900 })
        {
            request.Error = request.Error[..1900];
        }
        request.FinishedAt = request.IsFinished ? clock.GetUtcNow().UtcDateTime : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Oracle request {Id} attempt {Attempt}: {Status}, HTTP {HttpStatus} in {DurationMs} ms, value '{Value}' {Error}")]
    private static partial void LogAnswered(ILogger logger, long id, int attempt, OracleStatus status, int? httpStatus, long? durationMs, string value, string error);
}
