using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Alerts;

/// <summary>Settings under <c>Portal:Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string Section = "Portal:Alerts";

    [Range(1, 3600)]
    public int EvaluationIntervalSeconds { get; set; } = 10;

    /// <summary>Attempts per webhook delivery (the first try included); waits double from <see cref="WebhookFirstRetrySeconds"/>.</summary>
    [Range(1, 20)]
    public int WebhookAttempts { get; set; } = 5;

    [Range(0.1, 600)]
    public double WebhookFirstRetrySeconds { get; set; } = 2;

    /// <summary>A metric value older than this many seconds counts as no data (secondsSinceLastBlock keeps growing instead).</summary>
    [Range(1, 86400)]
    public int StaleAfterSeconds { get; set; } = 60;
}
