using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Explorer;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Leases;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Explorer;

/// <summary>
/// Runs one <see cref="NetworkIndexer"/> loop per Running or Degraded network and stops the loops of networks
/// that stopped, failed or were deleted. Membership is checked every second and whenever a network changes;
/// a node's new height wakes its network's indexer. With several replicas only the holder of the
/// <see cref="LeaseName"/> lease indexes (renewed every third of its length); another takes over once it lapses.
/// </summary>
public sealed class ChainIndexerHost(
    IDbContextFactory<PortalDbContext> dbFactory,
    IJsonRpcClientFactory rpcFactory,
    IEnumerable<IBlockchainPlatform> platforms,
    ChainStore store,
    IndexerStatusBoard board,
    LiveNotifier notifier,
    LeaseKeeper leases,
    IOptions<ExplorerOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Loop)> _loops = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NetworkIndexer> _indexers = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<ChainIndexerHost>();
    private bool _holding;
    private DateTimeOffset _renewedAt;

    public const string LeaseName = "chain-indexer";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IndexerEnabled)
        {
            return;
        }
        using var changed = new SemaphoreSlim(0);
        using var subscription = notifier.Subscribe<NetworkChanged>(_ =>
        {
            changed.Release();
            return Task.CompletedTask;
        });
        // New blocks wake the network's indexer, so a caught-up indexer makes one round trip per block, not per poll.
        using var heights = notifier.Subscribe<NodeHeightChanged>(e =>
        {
            if (_indexers.TryGetValue(e.NetworkId, out var indexer))
            {
                indexer.Wake();
            }
            return Task.CompletedTask;
        });
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await HoldLeaseAsync(stoppingToken))
                    {
                        await ReconcileAsync(stoppingToken);
                    }
                    else
                    {
                        await Task.WhenAll(_loops.Keys.ToList().Select(StopAsync)); // another replica indexes
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogError(ex, "Choosing the networks to index failed");
                }
                await changed.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            await Task.WhenAll(_loops.Keys.ToList().Select(StopAsync));
            if (_holding)
            {
                await ReleaseLeaseAsync();
            }
        }
    }

    private async Task<bool> HoldLeaseAsync(CancellationToken ct)
    {
        var length = TimeSpan.FromSeconds(options.Value.IndexerLeaseSeconds);
        var now = clock.GetUtcNow();
        if (_holding && now - _renewedAt < length / 3)
        {
            return true;
        }
        var holding = await leases.TryAcquireAsync(LeaseName, length, ct);
        if (holding && !_holding)
        {
            _logger.LogInformation("This replica ({Holder}) now indexes the chains", leases.Holder);
        }
        _holding = holding;
        _renewedAt = now;
        return holding;
    }

    private async Task ReleaseLeaseAsync()
    {
        try
        {
            await leases.ReleaseAsync(LeaseName, CancellationToken.None); // another replica takes over at once
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not release the chain-indexer lease");
        }
    }

    private async Task ReconcileAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only platforms the explorer reads (their nodes speak Ethereum JSON-RPC) get an indexer.
        var indexed = platforms.Where(p => p.Capabilities.Supports(PlatformFeatures.Explorer)).Select(p => p.Name).ToList();
        var wanted = await db.Networks.AsNoTracking()
            .Where(n => (n.Status == NetworkStatus.Running || n.Status == NetworkStatus.Degraded) && indexed.Contains(n.Platform))
            .Select(n => n.Id).ToListAsync(ct);
        foreach (var id in _loops.Keys.Except(wanted).ToList())
        {
            await StopAsync(id);
        }
        foreach (var id in wanted)
        {
            if (_loops.TryGetValue(id, out var running) && running.Loop.IsCompleted)
            {
                await StopAsync(id); // the loop died on an unexpected error: start it afresh
            }
            if (_loops.ContainsKey(id))
            {
                continue;
            }
            var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var indexer = new NetworkIndexer(id, c => EndpointAsync(id, c), rpcFactory, store, board, notifier, options.Value, clock,
                loggers.CreateLogger<NetworkIndexer>());
            _indexers[id] = indexer;
            _loops[id] = (stop, Task.Run(() => RunLoopAsync(id, indexer, stop.Token), CancellationToken.None));
        }
    }

    private async Task RunLoopAsync(string networkId, NetworkIndexer indexer, CancellationToken ct)
    {
        try
        {
            await indexer.RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // stopped by the host
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "The indexer for network {Network} stopped; it restarts with the next check", networkId);
        }
    }

    private async Task StopAsync(string networkId)
    {
        _indexers.TryRemove(networkId, out var indexer);
        if (_loops.Remove(networkId, out var loop))
        {
            await loop.Stop.CancelAsync();
            await loop.Loop;
            loop.Stop.Dispose();
            indexer?.Dispose();
            board.Remove(networkId);
        }
    }

    private async Task<Uri?> EndpointAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var url = await db.NetworkNodes.AsNoTracking()
            .Where(n => n.NetworkId == networkId && n.Status == NodeStatus.Up && n.RpcUrl != null)
            .OrderBy(n => n.Name).Select(n => n.RpcUrl).FirstOrDefaultAsync(ct);
        return url is null ? null : new Uri(url);
    }
}
