using System.Collections.Concurrent;

namespace NutPortal.Core.DappStore.Provider;

/// <summary>
/// Which wallet account the user connected to which DApp, for one circuit (a browser tab): held in memory, so a
/// reload or a new tab asks again. Each DApp sees only its own entry.
/// </summary>
public sealed class DappConnections
{
    private readonly ConcurrentDictionary<string, long> _accounts = new(StringComparer.Ordinal);

    public long? AccountFor(string dappId) => _accounts.TryGetValue(dappId, out var id) ? id : null;

    public void Connect(string dappId, long accountId) => _accounts[dappId] = accountId;

    public void Disconnect(string dappId) => _accounts.TryRemove(dappId, out _);
}
