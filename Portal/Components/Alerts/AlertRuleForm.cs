using System.ComponentModel.DataAnnotations;
using NutPortal.Core.Alerts;
using NutPortal.Core.Monitoring;

namespace NutPortal.Web.Components.Alerts;

/// <summary>
/// The new-rule form's fields. Annotations catch what the form can tell alone (the messages are the API's);
/// <see cref="AlertRuleService"/> still checks everything, the webhook URL through the outbound guard.
/// </summary>
public sealed class AlertRuleForm
{
    /// <summary>The API field each property sets, so the service's errors land at their field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        [nameof(Name)] = "name",
        [nameof(NetworkId)] = "networkId",
        [nameof(NodeId)] = "nodeId",
        [nameof(Metric)] = "metric",
        [nameof(Comparator)] = "comparator",
        [nameof(Threshold)] = "threshold",
        [nameof(ForSeconds)] = "forSeconds",
        [nameof(Severity)] = "severity",
        [nameof(WebhookUrl)] = "channels[0].url",
    };

    [Required(ErrorMessage = "A name of 1 to 100 characters.")]
    [StringLength(100, ErrorMessage = "A name of 1 to 100 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose a network.")]
    public string? NetworkId { get; set; }

    /// <summary>Empty for all nodes of the network.</summary>
    public string NodeId { get; set; } = "";

    public string Metric { get; set; } = Metrics.Tps;

    public string Comparator { get; set; } = ">";

    [Required(ErrorMessage = "A number.")]
    public double? Threshold { get; set; }

    [Range(0, 86400, ErrorMessage = "0 to 86400 seconds.")]
    public int ForSeconds { get; set; } = 60;

    public string Severity { get; set; } = "warning";

    public string WebhookUrl { get; set; } = "";

    public AlertRuleInput ToInput() => new()
    {
        Name = Name, NetworkId = NetworkId, NodeId = NodeId.Length == 0 ? null : NodeId, Metric = Metric, Comparator = Comparator,
        Threshold = Threshold, ForSeconds = ForSeconds, Severity = Severity,
        Channels = string.IsNullOrWhiteSpace(WebhookUrl) ? [] : [new AlertChannelInput("webhook", WebhookUrl.Trim())],
    };
}
