using Microsoft.AspNetCore.Components;
using NutPortal.Core.Explorer;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Explorer;

/// <summary>A network's explorer: indexer progress, search, and grids of its blocks and transactions (server-paged), refreshed live as blocks are indexed.</summary>
public sealed partial class ExplorerHome : IDisposable
{
    private readonly Throttle _throttle = new(TimeSpan.FromMilliseconds(500));
    private IDisposable? _subscription;
    private string? _networkName;
    private bool _notFound;
    private BlockGrid? _blocks;
    private TransactionGrid? _transactions;
    private IndexerStatus? _status;
    private long? _indexedHeight;

    [Parameter]
    public string Id { get; set; } = "";

    [Inject] private NetworkCatalog Networks { get; set; } = default!;

    [Inject] private ExplorerQueries Queries { get; set; } = default!;

    [Inject] private IndexerStatusBoard Board { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _networkName = (await Networks.GetAsync(Id))?.Name;
        _notFound = _networkName is null;
        await LoadStatusAsync();
        _subscription ??= Notifier.Subscribe<BlocksIndexed>(e => e.NetworkId == Id ? _throttle.RunAsync(() => InvokeAsync(async () =>
        {
            await LoadStatusAsync();
            StateHasChanged();
            await (_blocks?.ReloadAsync() ?? Task.CompletedTask);
            await (_transactions?.ReloadAsync() ?? Task.CompletedTask);
        })) : Task.CompletedTask);
    }

    private async Task LoadStatusAsync()
    {
        _status = Board.Get(Id);
        _indexedHeight = await Queries.IndexedHeightAsync(Id);
    }

    public void Dispose() => _subscription?.Dispose();
}
