namespace NutPortal.Core.Alerts;

/// <summary>A rule as sent by a user (API body or page form); every field is checked by <see cref="AlertRuleService"/>.</summary>
public sealed record AlertRuleInput
{
    public string? Name { get; init; }

    public string? NetworkId { get; init; }

    public string? NodeId { get; init; }

    public string? Metric { get; init; }

    public string? Comparator { get; init; }

    public double? Threshold { get; init; }

    public int? ForSeconds { get; init; }

    public string? Severity { get; init; }

    public IReadOnlyList<AlertChannelInput>? Channels { get; init; }
}

public sealed record AlertChannelInput(string? Type, string? Url);

public sealed record AlertRuleResult(AlertRule? Rule, IReadOnlyList<NutPortal.Core.Networks.ProfileError> Errors, bool Found = true);
