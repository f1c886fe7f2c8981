namespace NutPortal.Core.Alerts;

/// <summary>Normal (condition cleared before firing) → Pending → Firing → Resolved.</summary>
public enum AlertState
{
    Normal,
    Pending,
    Firing,
    Resolved,
}

/// <summary>One episode of a rule's condition holding: from Pending until it clears (Normal) or, after firing, Resolved.</summary>
public sealed class Alert
{
    public long Id { get; set; }

    public long RuleId { get; set; }

    public required string NetworkId { get; set; }

    public string? NodeId { get; set; }

    public AlertState State { get; set; }

    /// <summary>The metric's value at the latest transition.</summary>
    public double Value { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FiringAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }
}

/// <summary>Every state change of every alert, kept as history.</summary>
public sealed class AlertTransition
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    public long RuleId { get; set; }

    public AlertState From { get; set; }

    public AlertState To { get; set; }

    public DateTime At { get; set; }

    public double Value { get; set; }
}
