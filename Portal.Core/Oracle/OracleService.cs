using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Live;
using NutPortal.Core.Outbound;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Oracle;

/// <summary>Runs a stored request's attempts (a Hangfire job in the portal).</summary>
public interface IOracleQueue
{
    void Enqueue(long requestId);

    void Schedule(long requestId, TimeSpan delay);

    /// <summary>Sends a finished on-chain request's answer back to its contract (one worker: one nonce sequence).</summary>
    void EnqueueFulfilment(long requestId);
}

/// <summary>The outcome of a submission: the stored request, or the fields that stopped it.</summary>
public sealed record OracleSubmitResult(OracleRequest? Request, IReadOnlyList<OracleFieldError> Errors);

/// <summary>Stores oracle requests, queues them, and answers queries through <see cref="OracleAccess"/>.</summary>
public sealed partial class OracleService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOracleQueue queue,
    OutboundGuard guard,
    LiveNotifier notifier,
    IOptionsMonitor<OracleOptions> options,
    TimeProvider clock,
    ILogger<OracleService> logger)
{
    public const int CountCap = 10_000;

    /// <summary>
    /// Stores and queues a request. With <paramref name="chainKey"/> (a request event read from the chain) every
    /// request is stored, even an invalid one (failed, so its contract gets an error code), and only once.
    /// </summary>
    public async Task<OracleSubmitResult> SubmitAsync(OracleCaller caller, OracleSubmission s, CancellationToken ct, string? chainKey = null)
    {
        var limits = options.CurrentValue;
        if (!caller.MaySubmit)
        {
            return new(null, [new("caller", "Your roles do not allow submitting oracle requests (Admin, Operator or Developer).")]);
        }
        s = s.Normalized();
        var errors = OracleSubmissionRules.Check(s, limits);
        // A URL the guard refuses is still stored (failed, with the reason) so the attempt shows in the log.
        // A network source is read inside the portal: no outbound call, so nothing for the guard.
        var refused = errors.Count == 0 && s.Source is null ? await guard.CheckUrlAsync(s.Url, ct) : null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (errors.Count == 0 && (!OracleAccess.MayUse(caller, s.NetworkId) || !await db.Networks.AnyAsync(n => n.Id == s.NetworkId, ct)))
        {
            errors.Add(new("caller.network_id", $"No network '{s.NetworkId}'."));
        }
        if (errors.Count == 0 && s.Source is { } source && (!OracleAccess.MayUse(caller, source.NetworkId) || !await db.Networks.AnyAsync(n => n.Id == source.NetworkId, ct)))
        {
            // The same answer whether the network does not exist or belongs to an organization the requester's does not see.
            errors.Add(new("network_source.network_id", $"No network '{source.NetworkId}' visible to the requester's organization."));
            LogSourceRefused(logger, caller.UserId, s.NetworkId, source.NetworkId, chainKey ?? "");
        }
        if (chainKey is not null && errors.Count > 0)
        {
            refused = null;
            s = s with { Url = s.Url.Length > 2048 ? s.Url[..2048] : s.Url, Selector = null, Decimals = 0, Method = null, Retries = 0 };
        }
        else if (errors.Count > 0)
        {
            LogRefused(logger, caller.UserId, s.Url, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));
            return new(null, errors);
        }
        var request = new OracleRequest
        {
            NetworkId = s.NetworkId,
            UserId = caller.UserId,
            TokenId = caller.TokenId,
            Contract = string.IsNullOrEmpty(s.Contract) ? null : s.Contract.ToLowerInvariant(),
            CallerRequestId = string.IsNullOrEmpty(s.CallerRequestId) ? null : s.CallerRequestId,
            Url = s.Url,
            Host = s.Source?.NetworkId.ToLowerInvariant() ?? (Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) ? uri.IdnHost.ToLowerInvariant() : ""),
            Method = string.IsNullOrEmpty(s.Method) ? "GET" : s.Method.ToUpperInvariant(),
            HeadersJson = s.Headers is { Count: > 0 } h ? JsonSerializer.Serialize(h) : null,
            Body = s.Body is { Length: > 0 } ? s.Body : null,
            TimeoutMs = s.TimeoutMs ?? limits.DefaultTimeoutMs,
            Selector = string.IsNullOrWhiteSpace(s.Selector) ? null : s.Selector.Trim(),
            ResultType = s.ResultType,
            Decimals = s.Decimals,
            Callback = string.IsNullOrEmpty(s.Callback) ? null : s.Callback,
            MaxRetries = s.Retries ?? Math.Min(3, limits.MaxRetries),
            Status = OracleStatus.Queued,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (refused is not null)
        {
            (request.Status, request.Error, request.FinishedAt) = (OracleStatus.Failed, "Refused by the outbound guard: " + refused, request.CreatedAt);
        }
        else if (errors.Count > 0)
        {
            var reasons = string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
            (request.Status, request.Error, request.FinishedAt) = (OracleStatus.Failed, "Invalid request: " + reasons[..Math.Min(reasons.Length, 1900)], request.CreatedAt);
        }
        if (chainKey is not null)
        {
            (request.ChainKey, request.Fulfilment) = (chainKey, OracleFulfilment.Pending);
            if (await db.OracleRequests.AnyAsync(r => r.ChainKey == chainKey, ct))
            {
                return new(await db.OracleRequests.AsNoTracking().SingleAsync(r => r.ChainKey == chainKey, ct), []);
            }
        }
        db.OracleRequests.Add(request);
        await db.SaveChangesAsync(ct);
        LogSubmitted(logger, request.Id, request.NetworkId, request.Method, request.Url, caller.UserId);
        if (!request.IsFinished)
        {
            queue.Enqueue(request.Id);
        }
        else if (chainKey is not null)
        {
            queue.EnqueueFulfilment(request.Id);
        }
        await notifier.PublishAsync(new OracleRequestChanged(request.Id, request.NetworkId, request.UserId, request.Status));
        return new(request, []);
    }

    public async Task<OracleRequest?> GetAsync(OracleCaller caller, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OracleAccess.Visible(db.OracleRequests.AsNoTracking(), caller).SingleOrDefaultAsync(r => r.Id == id, ct);
    }

    /// <summary>Newest first, one page; the count stops at <see cref="CountCap"/>.</summary>
    public async Task<PagedResult<OracleRequest>> ListAsync(OracleCaller caller, OracleQuery query, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = query.Apply(OracleAccess.Visible(db.OracleRequests.AsNoTracking(), caller));
        var ordered = page.Descending || page.SortBy is null
            ? filtered.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            : filtered.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);
        var items = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var (total, capped) = await Paging.CappedCountAsync(filtered, CountCap, ct);
        return new(items, total, capped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Oracle request {Id} on network {NetworkId}: {Method} {Url} (user {UserId})")]
    private static partial void LogSubmitted(ILogger logger, long id, string networkId, string method, string url, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Oracle request refused: user {UserId} on network {NetworkId} named source network {SourceNetworkId}, which the requester's organization does not see (chain request '{ChainKey}')")]
    private static partial void LogSourceRefused(ILogger logger, string userId, string networkId, string sourceNetworkId, string chainKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Oracle request refused for user {UserId}: {Url}: {Reasons}")]
    private static partial void LogRefused(ILogger logger, string userId, string url, string reasons);
}
