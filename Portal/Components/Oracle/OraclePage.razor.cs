using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Oracle;
using NutPortal.Core.Persistence;
using NutPortal.Web.Components.Shared;
using NutPortal.Web.Oracle;

namespace NutPortal.Web.Components.Oracle;

/// <summary>The oracle log: filtered and paged in the database, new and changed requests appear live.</summary>
public sealed partial class OraclePage : IDisposable
{
    private const string All = "all";
    private const string OracleProtoPath = OracleEndpoints.ProtoPath;

    private static readonly (string Key, string Label, TimeSpan? Span)[] Ranges =
        [("all", "any time", null), ("1h", "last hour", TimeSpan.FromHours(1)), ("24h", "last 24 hours", TimeSpan.FromDays(1)), ("7d", "last 7 days", TimeSpan.FromDays(7))];

    private readonly Throttle _throttle = new(TimeSpan.FromMilliseconds(500));
    private IDisposable? _subscription;
    private IReadOnlyList<Network> _networks = [];
    private Dictionary<string, string> _networkNames = [];
    private OracleCaller _caller = default!;
    private MudDataGrid<OracleRequest>? _grid;
    private string _networkFilter = All;
    private string? _contract;
    private string? _host;
    private string _status = All;
    private string _range = "all";
    private string _countText = "";

    [Inject] private OracleService Oracle { get; set; } = default!;

    [Inject] private NetworkCatalog Catalog { get; set; } = default!;

    [Inject] private NutPortal.Core.Organizations.OrganizationAccess Access { get; set; } = default!;

    [Inject] private NutPortal.Web.Organizations.CallerAccessor Callers { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _caller = await OracleCallers.FromAsync((await Auth.GetAuthenticationStateAsync()).User, Access, CancellationToken.None);
        var caller = await Callers.GetAsync();
        _networks = await Catalog.ListAsync(caller, currentOnly: true);
        // Sources may be networks of any organization the caller sees (consortium networks too), not only the current one.
        _networkNames = (await Catalog.ListAsync(caller, currentOnly: false)).ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
        _subscription = Notifier.Subscribe<OracleRequestChanged>(e => OracleAccess.CanSee(_caller, e.UserId, e.NetworkId)
            ? _throttle.RunAsync(() => InvokeAsync(() => _grid?.ReloadServerData() ?? Task.CompletedTask))
            : Task.CompletedTask);
    }

    private async Task<GridData<OracleRequest>> LoadAsync(GridState<OracleRequest> state, CancellationToken ct)
    {
        var span = Ranges.First(r => r.Key == _range).Span;
        var query = new OracleQuery(
            _networkFilter == All ? null : _networkFilter,
            _contract,
            _host,
            _status == All ? null : Enum.Parse<OracleStatus>(_status),
            span is { } s ? Clock.GetUtcNow().UtcDateTime - s : null);
        var page = await Oracle.ListAsync(_caller, query, new PageRequest(state.Page, state.PageSize), ct);
        _countText = $"{page.Total}{(page.TotalIsCapped ? "+" : "")} {(page.Total == 1 ? "request" : "requests")}";
        StateHasChanged();
        return new GridData<OracleRequest> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task FilterAsync(Action change)
    {
        change();
        if (_grid is not null)
        {
            _grid.NavigateTo(Page.First);
            await _grid.ReloadServerData();
        }
    }

    /// <summary>A request that read another portal network (cross-chain) rather than a URL.</summary>
    private static OracleNetworkSource? SourceOf(OracleRequest request) =>
        OracleNetworkSource.IsSourceUrl(request.Url) ? OracleNetworkSource.Parse(request.Url).Source : null;

    private string NameOf(string networkId) => _networkNames.GetValueOrDefault(networkId, networkId);

    private static Color StatusColor(OracleStatus status) => status switch
    {
        OracleStatus.Succeeded => Color.Success,
        OracleStatus.Failed => Color.Error,
        OracleStatus.Retrying => Color.Warning,
        _ => Color.Info,
    };

    public void Dispose() => _subscription?.Dispose();
}
