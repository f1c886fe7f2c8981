using Microsoft.AspNetCore.Components;
using MudBlazor;
using NutPortal.Core.Explorer;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Traces;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Traces;

/// <summary>Traces of a network, paged and filtered in the database, with the selected one's waterfall beside; refreshed live.</summary>
public sealed partial class TracesPage : IDisposable
{
    private readonly Throttle _throttle = new(TimeSpan.FromSeconds(1));
    private IDisposable? _subscription;
    private IReadOnlyList<Network> _networks = [];
    private TracesViewModel _model = default!;
    private MudDataGrid<TraceRow>? _grid;
    private TransactionTrace? _selected;

    [Inject] private NetworkCatalog Catalog { get; set; } = default!;

    [Inject] private NutPortal.Web.Organizations.CallerAccessor Callers { get; set; } = default!;

    [Inject] private TraceOverview Overview { get; set; } = default!;

    [Inject] private TransactionTraces Traces { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private string CountText => _model.Last is { } last
        ? $"{last.Rows.Total} {(last.Rows.Total == 1 ? "transaction" : "transactions")}{(last.WindowFull ? $" among the newest {TraceOverview.Window:N0}" : "")}"
        : "";

    protected override async Task OnInitializedAsync()
    {
        _model = new TracesViewModel(Overview, Clock);
        _networks = await Catalog.ListAsync(await Callers.GetAsync(), currentOnly: true);
        _model.NetworkId = _networks.Count > 0 ? _networks[0].Id : null;
        _subscription = Notifier.Subscribe<BlocksIndexed>(e => e.NetworkId == _model.NetworkId
            ? _throttle.RunAsync(() => InvokeAsync(ReloadAsync))
            : Task.CompletedTask);
    }

    private async Task<GridData<TraceRow>> LoadAsync(GridState<TraceRow> state, CancellationToken ct)
    {
        var data = await _model.LoadAsync(state, ct);
        StateHasChanged(); // the histogram and statistics beside the grid come with the page
        return data;
    }

    /// <summary>A filter change starts again at the first page (the old page number may be past the new end).</summary>
    private async Task FilterAsync(Action change)
    {
        change();
        _selected = null;
        if (_grid is not null)
        {
            _grid.NavigateTo(Page.First);
            await _grid.ReloadServerData();
        }
    }

    private Task SlowestChangedAsync(string value) => FilterAsync(() => _model.SlowestStage = value == "any" ? null : value);

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task SelectAsync(DataGridRowClickEventArgs<TraceRow> e)
    {
        if (_model.NetworkId is { } network)
        {
            _selected = await Traces.GetAsync(network, e.Item.Hash, includeCallTree: false);
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
