using System.Numerics;
using Microsoft.AspNetCore.Components;
using NutPortal.Core.Explorer;
using NutPortal.Core.Live;
using NutPortal.Core.Traces;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Web.Components.Explorer;

/// <summary>A transaction: receipt fields, logs, its stages as a waterfall and its call tree; confirmations advance live.</summary>
public sealed partial class TransactionPage : IDisposable
{
    private readonly Throttle _throttle = new(TimeSpan.FromMilliseconds(500));
    private IDisposable? _subscription;
    private TransactionDetail? _detail;
    private TransactionTrace? _trace;
    private TransactionDecoding _decoding = TransactionDecoding.None;

    [Parameter] public string Id { get; set; } = "";

    [Parameter] public string Hash { get; set; } = "";

    [Inject] private ExplorerQueries Queries { get; set; } = default!;

    [Inject] private TransactionTraces Traces { get; set; } = default!;

    [Inject] private TransactionDecoder Decoder { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    private BigInteger Fee => _detail is null ? BigInteger.Zero : Wei.Parse(_detail.Transaction.GasPrice) * _detail.Transaction.GasUsed;

    protected override async Task OnParametersSetAsync()
    {
        _detail = ExplorerSearch.IsHex(Hash, 32) ? await Queries.TransactionAsync(Id, Hash) : null;
        _trace = _detail is null ? null : await Traces.GetAsync(Id, Hash);
        _decoding = _detail is null ? TransactionDecoding.None : await Decoder.DecodeAsync(Id, _detail);
        _subscription ??= Notifier.Subscribe<BlocksIndexed>(e => e.NetworkId == Id && _trace?.Stages.Any(s => s.End is null) != false
            ? _throttle.RunAsync(() => InvokeAsync(RefreshAsync))
            : Task.CompletedTask);
    }

    private async Task RefreshAsync()
    {
        _detail = ExplorerSearch.IsHex(Hash, 32) ? await Queries.TransactionAsync(Id, Hash) : null;
        if (_detail is not null && _decoding == TransactionDecoding.None)
        {
            _decoding = await Decoder.DecodeAsync(Id, _detail);
        }
        if (_detail is not null && _trace is not null)
        {
            // Only the stages move as blocks arrive; the call tree is fixed once the transaction is in a block.
            var stages = await Traces.GetAsync(Id, Hash, includeCallTree: false);
            _trace = stages is null ? _trace : _trace with { Stages = stages.Stages, SlowestStage = stages.SlowestStage };
        }
        StateHasChanged();
    }

    public void Dispose() => _subscription?.Dispose();
}
