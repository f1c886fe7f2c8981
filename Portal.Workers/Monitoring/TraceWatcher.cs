using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms.Transfers;
using NutPortal.Core.Persistence;
using NutPortal.Core.Traces;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// Traces every transaction on the multi-node networks whose nodes can be watched one by one (<see cref="ITransferPlatform"/>:
/// Neo, Litecoin), whoever sent it: every <see cref="MonitoringOptions.TraceWatchMilliseconds"/> it reads each Up node's
/// pool and head and writes, once a transaction is imported everywhere and final, the same per-node spans a transfer
/// workload writes. Only the replica holding the monitoring lease watches; the others keep nothing.
/// One trace per transaction, whoever finishes first: transactions a workload of this portal sent are left to the
/// workload (it registers each in <see cref="WorkloadTransactions"/> as soon as its node accepted it, before a block
/// can hold it, and this writes only included ones); any that already have per-node spans in the database (a workload
/// on another replica finished first) are not written; and a workload on another replica that finishes later
/// replaces what this wrote (<see cref="TraceRecorder.ReplaceSpansAsync"/>), its 100 ms readings being the finer.
/// </summary>
public sealed class TraceWatcher(
    IDbContextFactory<PortalDbContext> dbFactory,
    NodeRunner runner,
    TraceRecorder traces,
    WorkloadTransactions workloads,
    MonitoringLease lease,
    TimeProvider clock,
    IOptions<MonitoringOptions> options,
    ILogger<TraceWatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, NetworkTraceWatch> _networks = new(StringComparer.Ordinal);
    private DateTime _leaseCheckedAt = DateTime.MinValue;
    private bool _holding;

    /// <summary>The networks watched now (ids), for tests and diagnostics.</summary>
    internal IReadOnlyDictionary<string, NetworkTraceWatch> Networks => _networks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.TraceWatchMilliseconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await WatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "A trace watch round failed");
            }
        }
    }

    /// <summary>One round over every watched network, all at once; one failing or slow network never stops or delays the others.</summary>
    public async Task WatchAsync(CancellationToken ct)
    {
        if (!await HoldingAsync(ct))
        {
            _networks.Clear(); // what this replica saw would be stale if it takes over later
            return;
        }
        List<Network> networks;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            networks = await db.Networks.AsNoTracking().Include(n => n.Nodes)
                .Where(n => n.Status == NetworkStatus.Running || n.Status == NetworkStatus.Degraded || n.Status == NetworkStatus.Halted).ToListAsync(ct);
        }
        networks = [.. networks.Where(n => PlatformOf(n) is not null)];
        // Deleted or stopped networks are forgotten; one started again is watched afresh from its nodes' heads.
        foreach (var gone in _networks.Keys.Except(networks.Select(n => n.Id)).ToList())
        {
            _networks.TryRemove(gone, out _);
        }
        await Task.WhenAll(networks.Select(n => WatchOneAsync(n, ct)));
    }

    /// <summary>The network's platform when its nodes can be watched one by one; null otherwise (or when it is not installed here).</summary>
    private ITransferPlatform? PlatformOf(Network network)
    {
        try
        {
            return runner.PlatformFor(network) as ITransferPlatform;
        }
        catch (NodeStartException)
        {
            return null;
        }
    }

    private async Task WatchOneAsync(Network network, CancellationToken ct)
    {
        try
        {
            await WatchAsync(network, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Watching the transactions of network {Network} failed", network.Name);
        }
    }

    /// <summary>Renews the monitoring lease at most every third of its length (not every round: that would be a write a second).</summary>
    private async Task<bool> HoldingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _leaseCheckedAt >= TimeSpan.FromSeconds(options.Value.LeaseSeconds / 3.0))
        {
            _holding = await lease.TryHoldAsync(ct);
            _leaseCheckedAt = now;
        }
        return _holding;
    }

    private async Task WatchAsync(Network network, CancellationToken ct)
    {
        var platform = PlatformOf(network)!;
        var watch = _networks.GetOrAdd(network.Id, _ => new NetworkTraceWatch(platform, NodeRunner.ReadProfile(network), clock));
        var all = network.Nodes.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        var up = all.Where(n => n.Status == NodeStatus.Up && n.RpcUrl is not null).ToList();
        var spans = await watch.RoundAsync(network.Id, all, up, tx => workloads.Contains(network.Id, tx), ct);
        if (watch.NewlyDropped() is > 0 and var dropped)
        {
            logger.LogWarning("The trace watch of network {Network} holds its cap of {Cap} transactions: {Dropped} sighting(s) of others were not traced",
                network.Name, NetworkTraceWatch.MaxTransactions, dropped);
        }
        if (spans.Count == 0)
        {
            return;
        }
        var hashes = spans.Select(s => s.TransactionHash.ToLowerInvariant()).Distinct().ToList();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var traced = (await db.TraceSpans.Where(s => s.NetworkId == network.Id && s.Node != null && hashes.Contains(s.TransactionHash))
                .Select(s => s.TransactionHash).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            spans = [.. spans.Where(s => !traced.Contains(s.TransactionHash.ToLowerInvariant()))];
        }
        await traces.RecordSpansAsync(network.Id, spans, ct);
    }
}
