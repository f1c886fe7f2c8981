using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using NutPortal.Core.Identity;
using NutPortal.Core.Live;
using NutPortal.Core.Organizations;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Organizations;

/// <summary>
/// Callers (memberships and current organization) of API requests, kept for <c>Portal:Http:TokenPrincipalCacheSeconds</c>
/// like token principals, so a busy client does not cost membership queries per request. Every change to a user's
/// memberships or current organization announces <see cref="UserSecurityChanged"/> (on every replica with Redis), which
/// drops their entries at once: a removed member loses access on their next request.
/// </summary>
public sealed class CallerCache : IDisposable
{
    private readonly ConcurrentDictionary<(string UserId, string? Requested, bool Admin), (Caller Caller, DateTimeOffset ExpiresAt, long Generation)> _entries = new();
    private readonly OrganizationAccess _access;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private readonly IDisposable _subscription;
    private long _generation;

    public CallerCache(OrganizationAccess access, LiveNotifier notifier, IOptions<WebOptions> options, TimeProvider clock)
    {
        _access = access;
        _clock = clock;
        _lifetime = TimeSpan.FromSeconds(options.Value.TokenPrincipalCacheSeconds);
        _subscription = notifier.Subscribe<UserSecurityChanged>(e =>
        {
            Interlocked.Increment(ref _generation);
            foreach (var key in _entries.Keys.Where(k => k.UserId == e.UserId))
            {
                _entries.TryRemove(key, out _);
            }
            return Task.CompletedTask;
        });
    }

    public async Task<Caller> GetAsync(ClaimsPrincipal principal, string? requested, CancellationToken ct)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || _lifetime <= TimeSpan.Zero)
        {
            return await CallerAccessor.LoadAsync(_access, principal, requested, ct);
        }
        var key = (userId, requested, principal.IsInRole(Roles.Admin));
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > _clock.GetUtcNow())
        {
            return entry.Caller;
        }
        // A load that began before an invalidation is not kept (it may predate the change).
        var generation = Interlocked.Read(ref _generation);
        var caller = await CallerAccessor.LoadAsync(_access, principal, requested, ct);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _entries[key] = (caller, _clock.GetUtcNow() + _lifetime, generation);
            if (_entries.Count > 10_000)
            {
                foreach (var stale in _entries.Where(e => e.Value.ExpiresAt <= _clock.GetUtcNow()).Select(e => e.Key).ToList())
                {
                    _entries.TryRemove(stale, out _);
                }
            }
        }
        return caller;
    }

    public void Dispose() => _subscription.Dispose();
}
