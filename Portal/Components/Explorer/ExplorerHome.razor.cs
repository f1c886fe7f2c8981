using Microsoft.AspNetCore.Components;
using NutPortal.Core.Explorer;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Explorer;

/// <summary>A network's explorer: indexer progress, search, and the latest blocks and transactions, refreshed live as blocks are indexed.</summary>
public sealed partial class ExplorerHome : IDisposable
{
    private readonly Throttle _throttle = new(TimeSpan.FromMilliseconds(500));
    private IDisposable? _subscription;
    private string? _networkName;
    private bool _notFound;
    private IReadOnlyList<ChainBlock> _blocks = [];
    private IReadOnlyList<ChainTransaction> _transactions = [];
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
        await LoadAsync();
        _subscription ??= Notifier.Subscribe<BlocksIndexed>(e => e.NetworkId == Id ? _throttle.RunAsync(() => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        })) : Task.CompletedTask);
    }

    private async Task LoadAsync()
    {
        _blocks = await Queries.BlocksAsync(Id, null, 15);
        _transactions = await Queries.LatestTransactionsAsync(Id, 15);
        _status = Board.Get(Id);
        _indexedHeight = _blocks.Count > 0 ? _blocks[0].Number : null;
    }

    public void Dispose() => _subscription?.Dispose();
}
