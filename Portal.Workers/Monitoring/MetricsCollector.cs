using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Networks;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// Every <see cref="MonitoringOptions.SampleIntervalSeconds"/>, samples each Running or Degraded network: its
/// chain through the first Up node, and every node's process. Samples are stored raw, kept as the latest
/// values for alert evaluation, and published live.
/// </summary>
public sealed class MetricsCollector(
    IDbContextFactory<PortalDbContext> dbFactory,
    NodeRunner runner,
    BlockHeightTracker heights,
    ChainSampler chain,
    BlockSampler blockSampler,
    ProcessSampler processes,
    MetricStore store,
    LatestMetrics latest,
    MonitoringLease lease,
    LiveNotifier notifier,
    TimeProvider clock,
    IOptions<MonitoringOptions> options,
    ILogger<MetricsCollector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SampleIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CollectAsync(stoppingToken);
        }
    }

    /// <summary>
    /// One collection round over every monitored network, by the replica holding the monitoring lease; one failing
    /// network never stops the others.
    /// </summary>
    public async Task CollectAsync(CancellationToken ct)
    {
        if (!await lease.TryHoldAsync(ct))
        {
            // Another replica collects: what this one kept would be stale if it takes over later.
            foreach (var id in chain.Followed.Concat(latest.NetworkIds).Distinct().ToList())
            {
                chain.Forget(id);
                latest.Forget(id);
            }
            return;
        }
        List<Network> networks;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            networks = await db.Networks.AsNoTracking().Include(n => n.Nodes)
                .Where(n => n.Status == NetworkStatus.Running || n.Status == NetworkStatus.Degraded || n.Status == NetworkStatus.Halted).ToListAsync(ct);
            await ForgetDeletedAsync(db, ct);
        }
        foreach (var network in networks)
        {
            try
            {
                await CollectAsync(network, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Collecting metrics of network {Network} failed", network.Name);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await lease.ReleaseAsync(cancellationToken); // another replica takes over at once instead of after expiry
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not release the monitoring lease");
        }
    }

    /// <summary>
    /// Drops what is kept in memory for networks and nodes that were deleted (here or by another replica), so
    /// a portal that creates and deletes networks for months does not keep their last values.
    /// </summary>
    private async Task ForgetDeletedAsync(PortalDbContext db, CancellationToken ct)
    {
        var networkIds = (await db.Networks.Select(n => n.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var nodeIds = (await db.NetworkNodes.Select(n => n.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in latest.NetworkIds.Concat(chain.Followed).Concat(blockSampler.Followed).Where(id => !networkIds.Contains(id)).Distinct().ToList())
        {
            latest.Forget(gone);
            chain.Forget(gone);
            blockSampler.Forget(gone);
        }
        processes.KeepOnly(nodeIds);
    }

    private async Task CollectAsync(Network network, CancellationToken ct)
    {
        var time = clock.GetUtcNow().UtcDateTime;
        var points = new List<MetricPoint>();
        var driver = runner.DriverFor(network);
        var platform = runner.PlatformFor(network);
        var profile = NodeRunner.ReadProfile(network);
        // Peers and heights come from the supervisor's per-node samples (each platform's own RPC).
        var best = network.Nodes.Where(n => n.Status == NodeStatus.Up).Select(n => heights.State(n.Id)?.Height).Max();
        var producersUp = 0;
        foreach (var node in network.Nodes.Where(n => n.Status != NodeStatus.Stopped))
        {
            var up = node.Status == NodeStatus.Up && driver.IsRunning(node);
            points.Add(new(Metrics.NodeUp, node.Id, time, up ? 1 : 0));
            if (!up)
            {
                continue;
            }
            producersUp += platform.ProducesBlocks(profile, node) ? 1 : 0;
            if (heights.State(node.Id) is { } state)
            {
                points.Add(new(Metrics.PeerCount, node.Id, time, state.Peers));
                points.Add(new(Metrics.HeightLag, node.Id, time, Math.Max(0, (best ?? state.Height) - state.Height)));
            }
            points.AddRange(processes.Sample(node, time));
        }
        points.Add(new(Metrics.BlockProducersUp, null, time, producersUp));
        var reader = network.Nodes.FirstOrDefault(n => n.Status == NodeStatus.Up && n.RpcUrl is not null);
        if (platform is IBlockSource blocks)
        {
            // Neo, Litecoin: blocks through the platform's RPC, from the node with the best height.
            var head = network.Nodes.Where(n => n.Status == NodeStatus.Up && n.RpcUrl is not null && heights.State(n.Id) is not null)
                .MaxBy(n => heights.State(n.Id)!.Height);
            try
            {
                if (head is not null)
                {
                    points.AddRange(await blockSampler.SampleAsync(network.Id, blocks, head, heights.State(head.Id)!, time, options.Value.MaxBlocksPerSample, ct));
                }
            }
            catch (NodeRpcException ex)
            {
                logger.LogDebug(ex, "Block sample of {Network} missed", network.Name);
            }
        }
        else if (!platform.Capabilities.Supports(PlatformFeatures.ChainMetrics))
        {
            // No block contents to read; the height comes from the node samples.
            if (best is { } height)
            {
                points.Add(new(Metrics.BlockHeight, null, time, height));
            }
        }
        else if (reader is not null)
        {
            try
            {
                points.AddRange(await chain.SampleAsync(network.Id, new Uri(reader.RpcUrl!), time, options.Value.MaxBlocksPerSample, ct));
            }
            catch (JsonRpcClientException ex)
            {
                logger.LogDebug(ex, "Chain sample of {Network} missed", network.Name);
            }
        }
        if (points.Count == 0)
        {
            return;
        }
        await store.AddAsync(network.Id, points, ct);
        latest.Record(network.Id, points);
        await notifier.PublishAsync(new MetricsSampled(network.Id, time, points));
    }
}
