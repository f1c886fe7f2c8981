using System.Collections.Concurrent;

namespace NutPortal.Core.Explorer;

/// <summary>How far a network's indexer has come: indexed height against the node's height.</summary>
public sealed record IndexerStatus(long? IndexedHeight, long? NodeHeight, DateTime UpdatedAt, string? LastError, int Reorganisations)
{
    /// <summary>Blocks the node has that the explorer does not yet; null while the node height is unknown.</summary>
    public long? BlocksBehind => NodeHeight is { } node ? Math.Max(0, node - (IndexedHeight ?? -1)) : null;
}

/// <summary>The indexers' progress, kept in memory by the process that indexes (read by the API and pages).</summary>
public sealed class IndexerStatusBoard
{
    private readonly ConcurrentDictionary<string, IndexerStatus> _statuses = new(StringComparer.Ordinal);

    public IndexerStatus? Get(string networkId) => _statuses.TryGetValue(networkId, out var status) ? status : null;

    public void Update(string networkId, Func<IndexerStatus?, IndexerStatus> change) =>
        _statuses.AddOrUpdate(networkId, _ => change(null), (_, old) => change(old));

    public void Remove(string networkId) => _statuses.TryRemove(networkId, out _);
}
