using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using NutPortal.Core.Alerts;
using NutPortal.Core.Identity;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Alerts;

/// <summary>Alert rules: everyone sees them; Admins and Operators create, silence and delete them.</summary>
public sealed partial class AlertRules
{
    private readonly RuleForm _form = new();
    private MudDataGrid<AlertRule>? _grid;
    private IReadOnlyList<Network> _networks = [];
    private IReadOnlyList<ProfileError> _errors = [];
    private string _actor = "unknown";

    [Inject] private AlertRuleService Rules { get; set; } = default!;

    [Inject] private NetworkCatalog Networks { get; set; } = default!;

    [Inject] private IDbContextFactory<PortalDbContext> Contexts { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool CanOperate { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _actor = user.Identity?.Name ?? "unknown";
        CanOperate = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator);
        _networks = await Networks.ListAsync();
    }

    private async Task<GridData<AlertRule>> LoadAsync(GridState<AlertRule> state, CancellationToken ct)
    {
        await using var db = await Contexts.CreateDbContextAsync(ct);
        return await db.AlertRules.AsNoTracking().ToGridDataAsync(state, q => q.OrderBy(r => r.Name), ct);
    }

    private string NetworkName(string id) => _networks.FirstOrDefault(n => n.Id == id)?.Name ?? id;

    private async Task CreateAsync()
    {
        var result = await Rules.CreateAsync(_form.ToInput(), _actor);
        _errors = result.Errors;
        if (result.Rule is { } rule)
        {
            Snackbar.Add($"Rule '{rule.Name}' created.", Severity.Success);
            await _grid!.ReloadServerData();
        }
    }

    private async Task SilenceAsync(AlertRule rule, int seconds)
    {
        await Rules.SilenceAsync(rule.Id, TimeSpan.FromSeconds(seconds));
        Snackbar.Add(seconds > 0 ? $"'{rule.Name}' is silenced for an hour." : $"'{rule.Name}' notifies again.", Severity.Info);
        await _grid!.ReloadServerData();
    }

    private async Task DeleteAsync(AlertRule rule)
    {
        if (!await Dialogs.ConfirmAsync("Delete rule", $"Delete the rule '{rule.Name}' and its alerts?", "Delete"))
        {
            return;
        }
        await Rules.DeleteAsync(rule.Id);
        Snackbar.Add($"Rule '{rule.Name}' deleted.", Severity.Success);
        await _grid!.ReloadServerData();
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
