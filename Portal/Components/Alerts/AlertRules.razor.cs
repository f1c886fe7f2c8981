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
    private readonly AlertRuleForm _form = new();
    private MudForm? _formRef;
    private MudDataGrid<AlertRule>? _grid;
    private IReadOnlyList<Network> _networks = [];
    private ServerFieldErrors _server = null!;
    private string _actor = "unknown";

    [Inject] private AlertRuleService Rules { get; set; } = default!;

    [Inject] private NutPortal.Web.Organizations.CallerAccessor Callers { get; set; } = default!;

    [Inject] private NetworkCatalog Networks { get; set; } = default!;

    [Inject] private IDbContextFactory<PortalDbContext> Contexts { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool CanOperate { get; set; }

    /// <summary>The form's annotations check each field; this adds the service's errors still standing at it.</summary>
    /// <remarks>Set once: a new delegate on every render would be a changed parameter, and MudForm would render again.</remarks>
    private Func<object, string, IEnumerable<string>> _validation = null!;

    protected override async Task OnInitializedAsync()
    {
        _server = new ServerFieldErrors(_form, AlertRuleForm.Fields);
        _validation = (_, property) => _server.For(property).ToList();
        var user = (await AuthenticationState).User;
        _actor = user.Identity?.Name ?? "unknown";
        var caller = await Callers.GetAsync();
        CanOperate = caller.CurrentOrganizationId is { } org && caller.CanOperateIn(org);
        _networks = await Networks.ListAsync(caller, currentOnly: true);
    }

    private async Task<GridData<AlertRule>> LoadAsync(GridState<AlertRule> state, CancellationToken ct)
    {
        var org = (await Callers.GetAsync(ct)).CurrentOrganizationId;
        await using var db = await Contexts.CreateDbContextAsync(ct);
        return await db.AlertRules.AsNoTracking().Where(r => r.OrganizationId == org).ToGridDataAsync(state, q => q.OrderBy(r => r.Name), ct);
    }

    private string NetworkName(string? id) => id is null ? "" : _networks.FirstOrDefault(n => n.Id == id)?.Name ?? id;

    private string NodeName(string? id) =>
        string.IsNullOrEmpty(id) ? "All nodes" : _networks.SelectMany(n => n.Nodes).FirstOrDefault(n => n.Id == id)?.Name ?? id;

    private async Task CreateAsync()
    {
        _server.Set([]);
        await _formRef!.ValidateAsync();
        if (!_formRef.IsValid)
        {
            return;
        }
        var result = await Rules.CreateAsync(_form.ToInput(), await Callers.GetAsync());
        _server.Set(result.Errors);
        if (result.Rule is { } rule)
        {
            Snackbar.Add($"Rule '{rule.Name}' created.", Severity.Success);
            await _grid!.ReloadServerData();
            return;
        }
        await _formRef.ValidateAsync();  // shows the service's errors at their fields
    }

    private async Task SilenceAsync(AlertRule rule, int seconds)
    {
        if (!(await Callers.GetAsync()).CanOperateIn(rule.OrganizationId))
        {
            return;
        }
        await Rules.SilenceAsync(rule.Id, TimeSpan.FromSeconds(seconds));
        Snackbar.Add(seconds > 0 ? $"'{rule.Name}' is silenced for an hour." : $"'{rule.Name}' notifies again.", Severity.Info);
        await _grid!.ReloadServerData();
    }

    private async Task DeleteAsync(AlertRule rule)
    {
        if (!(await Callers.GetAsync()).CanOperateIn(rule.OrganizationId) || !await Dialogs.ConfirmAsync("Delete rule", $"Delete the rule '{rule.Name}' and its alerts?", "Delete"))
        {
            return;
        }
        await Rules.DeleteAsync(rule.Id);
        Snackbar.Add($"Rule '{rule.Name}' deleted.", Severity.Success);
        await _grid!.ReloadServerData();
    }
}
