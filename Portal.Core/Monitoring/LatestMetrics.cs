using System.Collections.Concurrent;

namespace NutPortal.Core.Monitoring;

/// <summary>
/// The most recent value of every metric of every network and node, kept in memory by the collector so alert
/// evaluation reads thousands of rules without touching the database.
/// </summary>
public sealed class LatestMetrics
{
    private readonly ConcurrentDictionary<(string NetworkId, string? NodeId, string Metric), MetricPoint> _latest = new();

    public void Record(string networkId, IEnumerable<MetricPoint> points)
    {
        foreach (var point in points)
        {
            _latest[(networkId, point.NodeId, point.Metric)] = point;
        }
    }

    public MetricPoint? Get(string networkId, string? nodeId, string metric) =>
        _latest.TryGetValue((networkId, nodeId, metric), out var point) ? point : null;

    /// <summary>Latest values of a metric for every node of a network (node metrics) or the network itself.</summary>
    public IReadOnlyList<MetricPoint> ForNetwork(string networkId, string metric) =>
        [.. _latest.Where(e => e.Key.NetworkId == networkId && e.Key.Metric == metric).Select(e => e.Value)];

    /// <summary>Networks with at least one latest value.</summary>
    public IReadOnlyCollection<string> NetworkIds => [.. _latest.Keys.Select(k => k.NetworkId).Distinct()];

    public void Forget(string networkId)
    {
        foreach (var key in _latest.Keys.Where(k => k.NetworkId == networkId))
        {
            _latest.TryRemove(key, out _);
        }
    }
}
