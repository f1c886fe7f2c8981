namespace NutPortal.Core.Monitoring;

/// <summary>
/// One stored value of a metric: a raw sample (<see cref="Resolution"/> 0) or the average of a minute (60) or an
/// hour (3600). Network-wide metrics have no node.
/// </summary>
public sealed class MetricSample
{
    public const int Raw = 0;
    public const int Minute = 60;
    public const int Hour = 3600;

    public long Id { get; set; }

    public required string NetworkId { get; set; }

    public string? NodeId { get; set; }

    public required string Metric { get; set; }

    /// <summary>Seconds each stored value covers: 0 (raw), 60 or 3600.</summary>
    public int Resolution { get; set; }

    public DateTime Time { get; set; }

    public double Value { get; set; }
}
