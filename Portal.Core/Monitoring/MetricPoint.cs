namespace NutPortal.Core.Monitoring;

/// <summary>A value of a metric at a time, for one network or one of its nodes.</summary>
public sealed record MetricPoint(string Metric, string? NodeId, DateTime Time, double Value);

/// <summary>Published after every collection round of a network: charts append, alert evaluation reads the latest.</summary>
public sealed record MetricsSampled(string NetworkId, DateTime Time, IReadOnlyList<MetricPoint> Points);
