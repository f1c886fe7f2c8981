using Microsoft.AspNetCore.Components;
using MudBlazor;
using NutPortal.Core.Gateway;
using NutPortal.Core.Organizations;
using NutPortal.Core.SecurityPolicy;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Components.SecurityPolicy;

/// <summary>A network's security policy: what it says, and for its Operators the editor, the versions, what it refused and who decrypted what.</summary>
public sealed partial class SecurityPolicyPage
{
    private SecurityPolicyDocument _document = new();
    private int _version;
    private string? _changedBy;
    private DateTime _changedAt;
    private string _json = "";
    private List<(string Field, string Message)> _errors = [];
    private bool _saving;
    private NetworkGrant? _grant;
    private IReadOnlyList<GatewayRefusal> _refusals = [];
    private IReadOnlyList<SecurityPolicyVersion> _versions = [];
    private IReadOnlyList<PayloadDecryption> _decryptions = [];

    [Parameter] public string Id { get; set; } = "";

    [Inject] private SecurityPolicies Policies { get; set; } = default!;

    [Inject] private PayloadReader Reader { get; set; } = default!;

    [Inject] private RpcGateway Gateway { get; set; } = default!;

    [Inject] private CallerAccessor Callers { get; set; } = default!;

    [Inject] private OrganizationAccess Access { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool CanOperate => _grant?.CanOperate == true;

    private bool CanOperateAny => _grant?.CanOperateAny == true;

    protected override async Task OnParametersSetAsync()
    {
        _grant = await Access.NetworkAsync(Id, await Callers.GetAsync());
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var latest = await Policies.VersionsAsync(Id, 1);
        var current = latest.Count > 0 ? latest[0] : null;
        _version = current?.Version ?? 0;
        _changedBy = current?.ChangedBy;
        _changedAt = current?.ChangedAt ?? default;
        _document = current is null ? new SecurityPolicyDocument() : SecurityPolicyJson.Read(current.Document).Document ?? new SecurityPolicyDocument();
        _json = SecurityPolicyJson.Write(_document);
        if (CanOperateAny)
        {
            _refusals = [.. (await Gateway.RefusalsAsync(Id, 200, CancellationToken.None)).Where(r => SecurityPolicyRules.All.Contains(r.Rule)).Take(50)];
            _versions = await Policies.VersionsAsync(Id, 20);
            _decryptions = await Reader.DecryptionsAsync(Id, 20);
        }
    }

    private async Task SaveAsync()
    {
        if (!CanOperate)
        {
            return;
        }
        _saving = true;
        try
        {
            var (document, field, error) = SecurityPolicyJson.Read(_json);
            if (document is null)
            {
                _errors = [(field!, error!)];
                return;
            }
            var result = await Policies.SaveAsync(Id, document, _grant!.Caller.Name);
            _errors = [.. result.Errors.SelectMany(e => e.Value.Select(m => (e.Key, m)))];
            if (result.Saved is { } saved)
            {
                Snackbar.Add($"Policy version {saved.Version} saved.", Severity.Success);
                await LoadAsync();
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
