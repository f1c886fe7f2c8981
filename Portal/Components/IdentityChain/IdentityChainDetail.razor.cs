using Microsoft.AspNetCore.Components;
using MudBlazor;
using NutPortal.Core.IdentityChain;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Components.IdentityChain;

/// <summary>One identity chain: its profile, registry deployment, identities (with suspend/reinstate/revoke for the
/// organization's Owners and Operators) and recent challenges.</summary>
public sealed partial class IdentityChainDetail
{
    private IdentityChainProfile? _chain;
    private IdentityProfile? _profile;
    private IReadOnlyList<ChainIdentity> _identities = [];
    private IReadOnlyList<IdentityChallenge> _challenges = [];
    private IReadOnlyList<Network> _networks = [];
    private Dictionary<string, string> _networkNames = [];
    private Caller _caller = default!;
    private string? _networkId;
    private bool _canOperate;
    private bool _notFound;
    private bool _busy;

    [Parameter] public string Id { get; set; } = "";

    [Inject] private IdentityChainService Chains { get; set; } = default!;

    [Inject] private IdentityRegistration Identities { get; set; } = default!;

    [Inject] private IdentityChallenges Challenges { get; set; } = default!;

    [Inject] private NetworkCatalog Catalog { get; set; } = default!;

    [Inject] private CallerAccessor Callers { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _caller = await Callers.GetAsync();
        var visible = await Catalog.ListAsync(_caller, currentOnly: false);
        _networkNames = visible.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
        _networks = [.. visible.Where(n => n.Platform.StartsWith("ethereum", StringComparison.Ordinal))];
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _chain = await Chains.GetAsync(_caller, Id, CancellationToken.None);
        }
        catch (IdentityChainException e) when (e.Kind == IdentityChainFailure.NotFound)
        {
            _notFound = true;
            return;
        }
        _profile = IdentityChainService.Profile(_chain);
        _canOperate = _caller.CanOperateIn(_chain.OrganizationId);
        _identities = await Identities.ListAsync(_caller, Id, CancellationToken.None);
        _challenges = await Challenges.RecentAsync(Id, _canOperate ? null : _caller.UserId, 50, CancellationToken.None);
    }

    private string NetworkName(string? id) => id is not null && _networkNames.TryGetValue(id, out var name) ? name : id ?? "—";

    private static IEnumerable<string> Actions(IdentityStatus status) => status switch
    {
        IdentityStatus.Active => ["suspend", "revoke"],
        IdentityStatus.Suspended => ["reinstate", "revoke"],
        _ => [],
    };

    private async Task DeployAsync()
    {
        _busy = true;
        try
        {
            await Chains.DeployAsync(_caller, Id, _networkId, CancellationToken.None);
            Snackbar.Add("Registry deployed.", Severity.Success);
        }
        catch (IdentityChainException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }

    private async Task ChangeAsync(ChainIdentity identity, string action)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"{char.ToUpperInvariant(action[0])}{action[1..]} identity",
            $"{action} {identity.Address} ({identity.UserName}) in the registry? The gateway and sign-in read the registry at once.", yesText: action, cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        _busy = true;
        try
        {
            await Identities.SetStatusAsync(_caller, Id, identity.Id, action, CancellationToken.None);
            Snackbar.Add($"{identity.Address}: {action} done.", Severity.Success);
        }
        catch (IdentityChainException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
            await LoadAsync();
        }
    }
}
