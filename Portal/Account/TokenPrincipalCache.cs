using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using NutPortal.Core.Identity;
using NutPortal.Core.Live;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Account;

/// <summary>
/// Principals of API-token requests, kept for <c>Portal:Http:TokenPrincipalCacheSeconds</c> so a busy client does
/// not cost a token, user, role and claim query per request. An entry goes at once when its token is revoked or
/// its user changes (roles, lock-out, password, deletion); with Redis configured those events arrive from every
/// replica. A load that began before an invalidation is not stored (generation check), so a stale principal read
/// during a change never outlives it.
/// </summary>
internal sealed class TokenPrincipalCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;
    private readonly IDisposable[] _subscriptions;
    private long _generation;

    public TokenPrincipalCache(LiveNotifier notifier, IOptions<WebOptions> options, TimeProvider clock)
    {
        _lifetime = TimeSpan.FromSeconds(options.Value.TokenPrincipalCacheSeconds);
        _clock = clock;
        _subscriptions =
        [
            notifier.Subscribe<ApiTokenRevoked>(e => Invalidate(entry => entry.TokenId == e.TokenId)),
            notifier.Subscribe<UserSecurityChanged>(e => Invalidate(entry => entry.UserId == e.UserId)),
        ];
    }

    public bool Enabled => _lifetime > TimeSpan.Zero;

    /// <summary>Read before loading; pass to <see cref="Store"/> so a load that raced an invalidation is dropped.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public ClaimsPrincipal? Find(string tokenHash) =>
        _entries.TryGetValue(tokenHash, out var entry) && entry.ExpiresAt > _clock.GetUtcNow() ? entry.Principal.Clone() : null;

    public void Store(string tokenHash, ClaimsPrincipal principal, Guid tokenId, string userId, long generation)
    {
        if (!Enabled)
        {
            return;
        }
        var entry = new Entry(principal.Clone(), tokenId, userId, _clock.GetUtcNow() + _lifetime);
        _entries[tokenHash] = entry;
        if (Generation != generation)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(tokenHash, entry));
        }
        if (_entries.Count > 10_000)
        {
            Invalidate(e => e.ExpiresAt <= _clock.GetUtcNow());
        }
    }

    private Task Invalidate(Func<Entry, bool> stale)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (key, entry) in _entries)
        {
            if (stale(entry))
            {
                _entries.TryRemove(key, out _);
            }
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private sealed record Entry(ClaimsPrincipal Principal, Guid TokenId, string UserId, DateTimeOffset ExpiresAt);
}
