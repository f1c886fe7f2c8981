using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NutPortal.Core.Identity;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Web.Api;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Networks;

/// <summary>
/// The network page: nodes, deployment steps, settings, accounts, logs and audit, all refreshed live from the
/// network's events (throttled), never by polling from the browser.
/// </summary>
public sealed partial class NetworkDetail
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Throttle _throttle = new(TimeSpan.FromMilliseconds(300));
    private NetworkResource? _network;
    private IReadOnlyList<DeploymentStep> _steps = [];
    private IReadOnlyList<NetworkAuditEntry> _audit = [];
    private IReadOnlyList<string> _accounts = [];
    private IReadOnlyList<string>? _logs;
    private string? _logsNode;
    private string? _message;
    private bool _notFound;
    private string _actor = "unknown";

    [Parameter]
    public string Id { get; set; } = "";

    [Inject] private NetworkCatalog Catalog { get; set; } = default!;

    [Inject] private NetworkResources Resources { get; set; } = default!;

    [Inject] private NetworkService Networks { get; set; } = default!;

    [Inject] private NodeOperations Operations { get; set; } = default!;

    [Inject] private NodeRunner Runner { get; set; } = default!;

    [Inject] private NutPortal.Web.Organizations.CallerAccessor Callers { get; set; } = default!;

    [Inject] private NutPortal.Core.Organizations.OrganizationAccess Access { get; set; } = default!;

    [Inject] private NutPortal.Core.Organizations.ChannelService Channels { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Runs the network itself: its organization's Operators and Owners (in a consortium, the operator's).</summary>
    private bool CanOperate { get; set; }

    /// <summary>Operates in one of the network's organizations: may act on the nodes its organization runs.</summary>
    private bool CanOperateAny { get; set; }

    /// <summary>The network's platform is served by the JSON-RPC gateway.</summary>
    private bool SupportsContracts => _network is not null
        && Runner.PlatformNamed(_network.Platform).Capabilities.Supports(NutPortal.Core.Networks.Platforms.PlatformFeatures.Contracts);

    private bool SupportsExplorer => _network is not null
        && Runner.PlatformNamed(_network.Platform).Capabilities.Supports(NutPortal.Core.Networks.Platforms.PlatformFeatures.Explorer);

    /// <summary>The platform's chain is browsed through its own RPC (Neo, Litecoin).</summary>
    private bool SupportsChainBrowser => _network is not null && Runner.PlatformNamed(_network.Platform) is NutPortal.Core.Networks.Platforms.IChainBrowser;

    private bool SupportsGateway => _network is not null
        && Runner.PlatformNamed(_network.Platform).Capabilities.Supports(NutPortal.Core.Networks.Platforms.PlatformFeatures.Gateway);

    private NutPortal.Core.Organizations.NetworkGrant? _grant;

    /// <summary>For a channel: its consortium (when the caller may see it).</summary>
    private (string Id, string Name)? _consortium;

    /// <summary>The network whose rights and data are loaded (live updates for it refresh the page).</summary>
    private string? _loadedId;

    protected override void OnInitialized()
    {
        _subscriptions.Add(Notifier.Subscribe<NetworkChanged>(e => e.NetworkId == _loadedId ? RefreshAsync() : Task.CompletedTask));
        _subscriptions.Add(Notifier.Subscribe<NodeHeightChanged>(e => e.NetworkId == _loadedId ? RefreshAsync() : Task.CompletedTask));
    }

    /// <summary>A link from one network's page to another's (a channel, its consortium) reuses this component: the
    /// caller's rights are those on the network now shown, never the previous one's.</summary>
    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Id)
        {
            return;
        }
        _loadedId = null;
        _network = null;
        _message = null;
        _logs = null;
        var user = (await AuthenticationState).User;
        _actor = user.Identity?.Name ?? "unknown";
        _grant = await Access.NetworkAsync(Id, await Callers.GetAsync());
        CanOperate = _grant?.CanOperate == true;
        CanOperateAny = _grant?.CanOperateAny == true;
        _consortium = _grant is null ? null : await Channels.ConsortiumOfAsync(Id, _grant.Caller);
        await LoadAsync();
        _loadedId = Id;
    }

    private Task RefreshAsync() => _throttle.RunAsync(() => InvokeAsync(async () =>
    {
        await LoadAsync();
        StateHasChanged();
    }));

    private async Task LoadAsync()
    {
        var network = await Catalog.GetAsync(Id);
        _notFound = network is null;
        if (network is null)
        {
            return;
        }
        _network = Resources.From(network);
        _steps = await Catalog.StepsAsync(Id);
        _audit = await Catalog.AuditAsync(Id, 50);
        _accounts = await Catalog.AccountAddressesAsync(Id);
    }

    private async Task RunAsync((string NodeId, NodeAction Action, string? Hardfork) request)
    {
        var node = (await Catalog.GetAsync(Id))?.Nodes.SingleOrDefault(n => n.Id == request.NodeId);
        if (node is null || _grant is null || !_grant.CanOperateNode(node))
        {
            _message = $"{node?.Name ?? "This node"} is run by another organization of this consortium; only it and the network's operator may change it.";
            return;
        }
        _message = $"{request.Action} in progress…";
        StateHasChanged();
        var result = await Operations.RunAsync(Id, request.NodeId, request.Action, request.Hardfork, _actor);
        _message = result.Succeeded ? result.Detail : string.Join(" ", result.Errors.Select(e => e.Message));
        await LoadAsync();
    }

    private async Task ChangeSettingsAsync((int? Interval, long? GasLimit) settings)
    {
        if (!CanOperate)
        {
            return;
        }
        var result = await Operations.ChangeSettingsAsync(Id, settings.Interval, settings.GasLimit, _actor);
        _message = result.Succeeded ? result.Detail : string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
        await LoadAsync();
    }

    private async Task ShowLogsAsync(string nodeId)
    {
        var network = await Catalog.GetAsync(Id);
        var node = network?.Nodes.SingleOrDefault(n => n.Id == nodeId);
        if (network is not null && node is not null)
        {
            _logsNode = node.Name;
            _logs = Runner.DriverFor(network).RecentLogLines(node, 200);
        }
    }

    private async Task DeleteAsync()
    {
        if (!CanOperate)
        {
            return;
        }
        var nodes = _network?.Nodes.Count ?? 0;
        if (!await Dialogs.ConfirmAsync("Delete network", $"Delete {_network?.Name} and its {nodes} node(s)? The nodes stop and their data is removed.", "Delete"))
        {
            return;
        }
        _message = "Deleting…";
        if (await Networks.DeleteAsync(Id, _actor) == DeleteNetworkOutcome.HasChannels)
        {
            _message = "This consortium has channels: delete them first.";
            return;
        }
        Snackbar.Add($"Network {_network?.Name} deleted.", Severity.Success);
        Navigation.NavigateTo("networks");
    }

    public void Dispose() => _subscriptions.ForEach(s => s.Dispose());
}
