using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NutPortal.Core.Oracle;

/// <summary>
/// Per-token, per-caller and per-host windows of one minute for the oracle. With Redis (several replicas) the
/// windows are shared: each replica counts in the same Redis key, so the limits hold for the whole portal, not per
/// replica. Without Redis, or while Redis does not answer, each replica counts in memory. A request over a limit is
/// not failed: its job waits for the window to turn (a gRPC call over its token's limit is refused).
/// </summary>
public sealed class OracleRateLimits(IOptions<OracleOptions> options, IServiceProvider services, TimeProvider clock, ILogger<OracleRateLimits> logger) : IDisposable
{
    public const string TokenLimit = "Portal:Oracle:CallsPerTokenPerMinute";
    public const string CallerLimit = "Portal:Oracle:CallsPerCallerPerMinute";
    public const string HostLimit = "Portal:Oracle:CallsPerHostPerMinute";

    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<string>> _local = new(StringComparer.Ordinal);

    /// <summary>The caller of a request: its contract on its network, or the submitting user.</summary>
    public static string CallerKey(OracleRequest r) => r.Contract is { } contract ? $"{r.NetworkId}/{contract}" : "user/" + r.UserId;

    /// <summary>Null when the call may go now; else how long to wait and which limit was hit.</summary>
    public async Task<(TimeSpan Wait, string Limit)?> TryAcquireAsync(OracleRequest request)
    {
        if (await TakeAsync(CallerLimit, CallerKey(request)) is { } callerWait)
        {
            return (callerWait, CallerLimit);
        }
        return await TakeAsync(HostLimit, request.Host) is { } hostWait ? (hostWait, HostLimit) : null;
    }

    /// <summary>Takes one call from <paramref name="key"/>'s window of the named limit; null when allowed, else the wait.</summary>
    public async Task<TimeSpan?> TakeAsync(string limit, string key)
    {
        var permits = limit switch
        {
            TokenLimit => options.Value.CallsPerTokenPerMinute,
            CallerLimit => options.Value.CallsPerCallerPerMinute,
            HostLimit => options.Value.CallsPerHostPerMinute,
            _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "Unknown oracle limit."),
        };
        if (_redis is not null)
        {
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            var window = $"nutportal:oracle:{limit}:{key}:{now / 60}";
            try
            {
                var db = _redis.GetDatabase();
                var count = await db.StringIncrementAsync(window);
                if (count == 1)
                {
                    await db.KeyExpireAsync(window, TimeSpan.FromMinutes(2));
                }
                return count <= permits ? null : TimeSpan.FromSeconds(60 - (now % 60));
            }
            catch (RedisException e)
            {
                logger.LogWarning(e, "Redis did not answer for the oracle's {Limit} window; counting on this replica", limit);
            }
        }
        using var lease = _local.GetOrAdd(limit, _ => PerMinute(permits)).AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(5);
    }

    public void Dispose()
    {
        foreach (var limiter in _local.Values)
        {
            limiter.Dispose();
        }
    }

    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
