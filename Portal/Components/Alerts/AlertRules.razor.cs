using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NutPortal.Core.Alerts;
using NutPortal.Core.Identity;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;

namespace NutPortal.Web.Components.Alerts;

/// <summary>Alert rules: everyone sees them; Admins and Operators create, silence and delete them.</summary>
public sealed partial class AlertRules
{
    private readonly RuleForm _form = new();
    private IReadOnlyList<AlertRule> _rules = [];
    private IReadOnlyList<Network> _networks = [];
    private IReadOnlyList<ProfileError> _errors = [];
    private string? _message;
    private string _actor = "unknown";

    [Inject] private AlertRuleService Rules { get; set; } = default!;

    [Inject] private NetworkCatalog Networks { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool CanOperate { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = user.Identity?.Name ?? "unknown";
        CanOperate = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator);
        _networks = await Networks.ListAsync();
        _rules = await Rules.ListAsync();
    }

    private string NetworkName(string id) => _networks.FirstOrDefault(n => n.Id == id)?.Name ?? id;

    private async Task CreateAsync()
    {
        var result = await Rules.CreateAsync(_form.ToInput(), _actor);
        _errors = result.Errors;
        _message = result.Rule is { } rule ? $"Rule '{rule.Name}' created." : null;
        _rules = await Rules.ListAsync();
    }

    private async Task SilenceAsync(AlertRule rule, int seconds)
    {
        await Rules.SilenceAsync(rule.Id, TimeSpan.FromSeconds(seconds));
        _message = seconds > 0 ? $"'{rule.Name}' is silenced for an hour." : $"'{rule.Name}' notifies again.";
        _rules = await Rules.ListAsync();
    }

    private async Task DeleteAsync(long id)
    {
        await Rules.DeleteAsync(id);
        _message = "Rule deleted.";
        _rules = await Rules.ListAsync();
    }

    private sealed class RuleForm
    {
        public string Name { get; set; } = "";

        public string NetworkId { get; set; } = "";

        public string NodeId { get; set; } = "";

        public string Metric { get; set; } = Metrics.Tps;

        public string Comparator { get; set; } = ">";

        public double? Threshold { get; set; }

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
}
