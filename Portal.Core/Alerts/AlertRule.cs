using System.Text.Json.Serialization;

namespace NutPortal.Core.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    [JsonStringEnumMemberName("info")]
    Info,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("critical")]
    Critical,
}

/// <summary>Where an alert's transitions are sent. Only webhooks (a JSON POST) for now.</summary>
public sealed record AlertChannel(string Type, string Url);

/// <summary>
/// A user-defined rule: when <see cref="Metric"/> of the network (or one node) compares true against
/// <see cref="Threshold"/> for <see cref="ForSeconds"/>, an alert fires.
/// </summary>
public sealed class AlertRule
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string NetworkId { get; set; }

    public string? NodeId { get; set; }

    public required string Metric { get; set; }

    /// <summary>One of &gt;, &gt;=, &lt;, &lt;=, ==.</summary>
    public required string Comparator { get; set; }

    public double Threshold { get; set; }

    public int ForSeconds { get; set; }

    public AlertSeverity Severity { get; set; }

    /// <summary>The channels as JSON (a list of <see cref="AlertChannel"/>).</summary>
    public string ChannelsJson { get; set; } = "[]";

    public DateTime? SilencedUntil { get; set; }

    /// <summary>The organization whose rule this is: one of the network's organizations; only its members see it.</summary>
    public string OrganizationId { get; set; } = Organizations.Organization.DefaultId;

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
