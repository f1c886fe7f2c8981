using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Explorer;
using NutPortal.Core.Live;

namespace NutPortal.Core.DappStore;

/// <summary>
/// When the indexer stores blocks of a network, recounts the counters of the DApps on it and publishes them
/// (<see cref="DappStatsChanged"/>): DApp pages and the live hub pass them on. A network's recount runs one at a time;
/// blocks indexed meanwhile are covered by the next one.
/// </summary>
internal sealed class DappLiveFeed(LiveNotifier notifier, DappLiveCounters counters, ILogger<DappLiveFeed> logger) : IHostedService, IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _busy = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The replica that indexed the blocks counts; the counters reach the others as events.
        _subscription = notifier.Subscribe<BlocksIndexed>(OnBlocksAsync, localOnly: true);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();  // a recount in flight stops at its next query
        }
        return Task.CompletedTask;
    }

    // The indexer does not wait for the recount.
    private Task OnBlocksAsync(BlocksIndexed e)
    {
        if (_busy.TryAdd(e.NetworkId, 0))
        {
            _ = Task.Run(() => RecountAsync(e.NetworkId));
        }
        return Task.CompletedTask;
    }

    private async Task RecountAsync(string networkId)
    {
        try
        {
            var ct = _stopping.Token;
            foreach (var dapp in await counters.DappsOnAsync(networkId, ct))
            {
                await notifier.PublishAsync(await counters.ReadAsync(dapp, ct));
            }
        }
        catch (Exception ex)
        {
            if (!_stopping.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Counting the DApps of network {Network} failed", networkId);
            }
        }
        finally
        {
            _busy.TryRemove(networkId, out _);
        }
    }

    public void Dispose() => _stopping.Dispose();
}
