using Microsoft.AspNetCore.Components;
using NutPortal.Core.Explorer;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Traces;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Traces;

/// <summary>Recent transactions of a network with their stage durations and per-stage percentiles, refreshed live.</summary>
public sealed partial class TracesPage : IDisposable
{
    private readonly Throttle _throttle = new(TimeSpan.FromSeconds(1));
    private IDisposable? _subscription;
    private IReadOnlyList<Network> _networks = [];
    private string? _networkId;
    private string _status = "all";
    private bool _portalOnly;
    private TraceOverviewResult? _result;

    [Inject] private NetworkCatalog Catalog { get; set; } = default!;

    [Inject] private TraceOverview Overview { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _networks = await Catalog.ListAsync();
        _networkId = _networks.Count > 0 ? _networks[0].Id : null;
        await LoadAsync();
        _subscription = Notifier.Subscribe<BlocksIndexed>(e => e.NetworkId == _networkId
            ? _throttle.RunAsync(() => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }))
            : Task.CompletedTask);
    }

    private Task ChangeNetworkAsync(ChangeEventArgs e)
    {
        _networkId = e.Value?.ToString();
        return LoadAsync();
    }

    private Task ChangeStatusAsync(ChangeEventArgs e)
    {
        _status = e.Value?.ToString() ?? "all";
        return LoadAsync();
    }

    private Task ChangePortalOnlyAsync(ChangeEventArgs e)
    {
        _portalOnly = e.Value is true;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        bool? succeeded = _status switch { "success" => true, "failed" => false, _ => null };
        _result = _networkId is null ? null : await Overview.LoadAsync(_networkId, new TraceFilter(succeeded, _portalOnly, 100));
    }

    public void Dispose() => _subscription?.Dispose();
}
