using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;
using NutPortal.Core.Leases;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Networks;

/// <summary>
/// Watches every node: a node whose process is gone is marked Down within one tick and, when the network's
/// restart policy says so, restarted with exponential back-off. When it starts supervising it re-adopts the nodes
/// a previous run of the portal left running, and restarts or marks down the ones that died meanwhile. With
/// several replicas on one database only the holder of the <see cref="LeaseName"/> lease does this, so a dead node
/// is audited and restarted once; every replica still samples block heights for its own live pages.
/// </summary>
public sealed class NodeSupervisor(
    IDbContextFactory<PortalDbContext> dbFactory,
    NodeRunner runner,
    NodeLocks locks,
    NetworkAudit audit,
    BlockHeightTracker heights,
    BlockProducer blocks,
    TimeProvider clock,
    IOptions<NetworkOptions> options,
    IOptions<PortalOptions> portal,
    LeaseKeeper leases,
    ILogger<NodeSupervisor> logger) : BackgroundService
{
    public const string LeaseName = "node-supervisor";

    private readonly RestartBackoff _backoff = new(TimeSpan.FromSeconds(options.Value.MaxRestartBackoffSeconds));

    // Created with the host, before it takes requests: a deployment of a network created since is this process's own.
    private readonly DateTime _startedAt = clock.GetUtcNow().UtcDateTime;
    private bool _supervising;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TryTickAsync(stoppingToken);
        var interval = TimeSpan.FromMilliseconds(options.Value.SupervisorIntervalMilliseconds);
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TryTickAsync(stoppingToken);
        }
    }

    private async Task TryTickAsync(CancellationToken ct)
    {
        try
        {
            var holding = await leases.TryAcquireAsync(LeaseName, TimeSpan.FromSeconds(options.Value.SupervisorLeaseSeconds), ct);
            if (holding && !_supervising)
            {
                // Taking over (at start, or from a replica that stopped renewing): settle what happened unwatched.
                logger.LogInformation("This replica ({Holder}) now supervises the nodes", leases.Holder);
                await RecoverAsync(ct);
            }
            _supervising = holding;
            await TickAsync(holding, ct);
            if (holding)
            {
                await blocks.TickAsync(ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Node supervision tick failed");
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_supervising)
        {
            try
            {
                await leases.ReleaseAsync(LeaseName, CancellationToken.None); // another replica takes over at once
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not release the node-supervisor lease");
            }
        }
        if (!options.Value.StopNodesOnShutdown)
        {
            return;
        }
        foreach (var (network, node) in await NodesAsync(n => n.ProcessId != null, CancellationToken.None))
        {
            await runner.DriverFor(network).StopAsync(node, TimeSpan.FromSeconds(10), CancellationToken.None);
        }
    }

    /// <summary>Portal start: live nodes are re-adopted; dead ones are restarted (policy permitting) or marked Down.</summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        foreach (var (network, node) in await NodesAsync(n => n.Status == NodeStatus.Up || n.Status == NodeStatus.Starting || n.Status == NodeStatus.Down, ct))
        {
            if (network.Status == NetworkStatus.Deploying)
            {
                continue; // interrupted deployments are failed by the deployment recovery below
            }
            var driver = runner.DriverFor(network);
            if (node.Status != NodeStatus.Down && driver.IsRunning(node))
            {
                await audit.RecordAsync(network.Id, node.Id, NetworkAudit.PortalActor, "re-adopt", "succeeded", $"{node.Name} (process {node.ProcessId}) was still running; supervising it again.", ct);
                continue;
            }
            await MarkDownAsync(network, node, "The node was not running when the portal started.", ct);
        }
        if (portal.Value.Database.Provider != DatabaseProvider.Postgres)
        {
            // On PostgreSQL Hangfire hands a dead replica's deployment to a live one, which resumes it.
            await FailInterruptedDeploymentsAsync(ct);
        }
    }

    /// <summary>One pass over the nodes: every replica samples heights; the supervising one also marks down and restarts.</summary>
    private async Task TickAsync(bool supervising, CancellationToken ct)
    {
        foreach (var (network, node) in await NodesAsync(n => n.Status == NodeStatus.Up || n.Status == NodeStatus.Down, ct))
        {
            if (!supervising)
            {
                if (node.Status == NodeStatus.Up)
                {
                    await heights.SampleAsync(network, node, ct);
                }
                continue;
            }
            using var held = locks.TryAcquire(node.Id);
            if (held is null)
            {
                continue; // an operator action or the deployment owns this node right now
            }
            var driver = runner.DriverFor(network);
            if (node.Status == NodeStatus.Up)
            {
                if (!driver.IsRunning(node))
                {
                    await MarkDownAsync(network, node, "The node's process exited unexpectedly.", ct);
                    continue;
                }
                _backoff.MarkHealthy(node.Id, clock.GetUtcNow());
                if (driver is LocalNodeDriver)
                {
                    LocalNodeDriver.RotateLog(node);
                }
                await heights.SampleAsync(network, node, ct);
            }
            else if (_backoff.IsDue(node.Id, clock.GetUtcNow()))
            {
                await RestartAsync(network, node, ct);
            }
        }
    }

    private async Task MarkDownAsync(Network network, NetworkNode node, string reason, CancellationToken ct)
    {
        var profile = NodeRunner.ReadProfile(network);
        await runner.StopAsync(node.Id, NodeStatus.Down, reason, ct);
        var restart = profile.RestartPolicy != RestartPolicy.Never;
        var delay = restart ? _backoff.ScheduleRestart(node.Id, clock.GetUtcNow()) : (TimeSpan?)null;
        await audit.RecordAsync(network.Id, node.Id, NetworkAudit.PortalActor, "node down", "detected",
            reason + (delay is { } d ? $" Restarting in {d.TotalSeconds:0} s." : " Restart policy is 'never': start it by hand."), ct);
        if (!restart)
        {
            _backoff.Forget(node.Id);
        }
    }

    private async Task RestartAsync(Network network, NetworkNode node, CancellationToken ct)
    {
        if (NodeRunner.ReadProfile(network).RestartPolicy == RestartPolicy.Never)
        {
            return;
        }
        try
        {
            await runner.LaunchAsync(node.Id, null, ct);
            // Counted before the node shows Up, so whoever sees it back also sees the restart.
            await runner.CountRestartAsync(node.Id, ct);
            await runner.WaitForRpcAsync(node.Id, ct);
            await audit.RecordAsync(network.Id, node.Id, NetworkAudit.PortalActor, "auto-restart", "succeeded", $"{node.Name} is back up with its chain data.", ct);
        }
        catch (NodeStartException ex)
        {
            await runner.StopAsync(node.Id, NodeStatus.Down, ex.Message, ct);
            var delay = _backoff.ScheduleRestart(node.Id, clock.GetUtcNow());
            await audit.RecordAsync(network.Id, node.Id, NetworkAudit.PortalActor, "auto-restart", "failed", $"{ex.Message} Next try in {delay.TotalSeconds:0} s.", ct);
        }
    }

    private async Task FailInterruptedDeploymentsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only what an earlier process started: this one may take the lease after it already began deploying (its
        // first tick comes after the first requests, or a lease renewal failed under load), and those run on.
        foreach (var network in await db.Networks.Include(n => n.Nodes)
            .Where(n => n.Status == NetworkStatus.Deploying && n.CreatedAt < _startedAt).ToListAsync(ct))
        {
            foreach (var node in network.Nodes)
            {
                await runner.StopAsync(node.Id, NodeStatus.Failed, "The deployment was interrupted by a portal restart.", ct);
            }
            var fresh = await db.Networks.SingleAsync(n => n.Id == network.Id, ct);
            fresh.Status = NetworkStatus.Failed;
            fresh.StatusMessage = "The deployment was interrupted by a portal restart. Delete the network and create it again.";
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(network.Id, null, NetworkAudit.PortalActor, "deploy", "failed", fresh.StatusMessage, ct);
        }
    }

    private async Task<List<(Network Network, NetworkNode Node)>> NodesAsync(System.Linq.Expressions.Expression<Func<NetworkNode, bool>> filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var nodes = await db.NetworkNodes.AsNoTracking().Where(filter).ToListAsync(ct);
        var networkIds = nodes.Select(n => n.NetworkId).Distinct().ToList();
        var networks = await db.Networks.AsNoTracking().Where(n => networkIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        return [.. nodes.Where(n => networks.ContainsKey(n.NetworkId)).Select(n => (networks[n.NetworkId], n))];
    }
}
