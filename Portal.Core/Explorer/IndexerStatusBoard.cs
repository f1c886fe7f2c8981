using System.Collections.Concurrent;
using NutPortal.Core.Live;

namespace NutPortal.Core.Explorer;

/// <summary>How far a network's indexer has come: indexed height against the node's height.</summary>
public sealed record IndexerStatus(long? IndexedHeight, long? NodeHeight, DateTime UpdatedAt, string? LastError, int Reorganisations)
{
    /// <summary>Blocks the node has that the explorer does not yet; null while the node height is unknown.</summary>
    public long? BlocksBehind => NodeHeight is { } node ? Math.Max(0, node - (IndexedHeight ?? -1)) : null;
}

/// <summary>A replica's indexer moved (or stopped: null status); other replicas' boards take it over.</summary>
public sealed record IndexerStatusChanged(string Origin, string NetworkId, IndexerStatus? Status);

/// <summary>
/// The indexers' progress, read by the API and pages. The indexing replica (one at a time, behind the
/// chain-indexer lease) writes it; every change is published, and with Redis every other replica's board applies
/// it, so the explorer shows the same progress on any replica.
/// </summary>
public sealed class IndexerStatusBoard : IDisposable
{
    private readonly ConcurrentDictionary<string, IndexerStatus> _statuses = new(StringComparer.Ordinal);
    private readonly LiveNotifier _notifier;
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly IDisposable _subscription;

    public IndexerStatusBoard(LiveNotifier notifier)
    {
        _notifier = notifier;
        _subscription = notifier.Subscribe<IndexerStatusChanged>(Apply);
    }

    public IndexerStatus? Get(string networkId) => _statuses.TryGetValue(networkId, out var status) ? status : null;

    public void Update(string networkId, Func<IndexerStatus?, IndexerStatus> change) =>
        Publish(networkId, _statuses.AddOrUpdate(networkId, _ => change(null), (_, old) => change(old)));

    public void Remove(string networkId)
    {
        _statuses.TryRemove(networkId, out _);
        Publish(networkId, null);
    }

    private void Publish(string networkId, IndexerStatus? status) => _ = _notifier.PublishAsync(new IndexerStatusChanged(_origin, networkId, status));

    private Task Apply(IndexerStatusChanged change)
    {
        if (change.Origin != _origin)
        {
            if (change.Status is null)
            {
                _statuses.TryRemove(change.NetworkId, out _);
            }
            else
            {
                _statuses[change.NetworkId] = change.Status;
            }
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription.Dispose();
}
