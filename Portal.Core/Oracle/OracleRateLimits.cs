using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NutPortal.Core.Oracle;

/// <summary>
/// Per-caller and per-host windows for the queue's HTTP calls (this replica's count: each replica keeps its own).
/// A request over a limit is not failed: its job waits for the window to turn.
/// </summary>
public sealed class OracleRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _callers;
    private readonly PartitionedRateLimiter<string> _hosts;

    public OracleRateLimits(IOptions<OracleOptions> options)
    {
        _callers = PerMinute(options.Value.CallsPerCallerPerMinute);
        _hosts = PerMinute(options.Value.CallsPerHostPerMinute);
    }

    /// <summary>The caller of a request: its contract on its network, or the submitting user.</summary>
    public static string CallerKey(OracleRequest r) => r.Contract is { } contract ? $"{r.NetworkId}/{contract}" : "user/" + r.UserId;

    /// <summary>Null when the call may go now; else how long to wait and which limit was hit.</summary>
    public (TimeSpan Wait, string Limit)? TryAcquire(OracleRequest request)
    {
        using var caller = _callers.AttemptAcquire(CallerKey(request));
        if (!caller.IsAcquired)
        {
            return (RetryAfter(caller), "Portal:Oracle:CallsPerCallerPerMinute");
        }
        using var host = _hosts.AttemptAcquire(request.Host);
        return host.IsAcquired ? null : (RetryAfter(host), "Portal:Oracle:CallsPerHostPerMinute");
    }

    public void Dispose()
    {
        _callers.Dispose();
        _hosts.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(5);

    public static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
