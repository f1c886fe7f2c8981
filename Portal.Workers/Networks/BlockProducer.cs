using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Networks;

/// <summary>
/// Makes blocks for platforms whose chains mine only when asked (<see cref="PlatformFacts.PortalDrivenBlocks"/>, such
/// as Litecoin regtest): once every blockIntervalSeconds of the stored profile, one block from one of the up mining
/// nodes. Runs in the supervisor's tick on the replica holding the supervisor lease, so blocks are made once.
/// </summary>
public sealed class BlockProducer(IDbContextFactory<PortalDbContext> dbFactory, NodeRunner runner, TimeProvider clock, ILogger<BlockProducer> logger)
{
    /// <summary>When each network's next block is due. Kept on a fixed rate (due += interval), so a tick that comes a
    /// little early does not stretch a 1 s interval to 2 s; after a long pause it restarts from now instead of bursting.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);

    /// <summary>When a failed block was last logged as a warning per network: a node being stopped or deleted fails every
    /// tick, and one warning a minute says as much as sixty.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _warned = new(StringComparer.Ordinal);

    public async Task TickAsync(CancellationToken ct)
    {
        List<Network> networks;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            networks = await db.Networks.AsNoTracking().Include(n => n.Nodes)
                .Where(n => n.Status == NetworkStatus.Running || n.Status == NetworkStatus.Degraded).ToListAsync(ct);
        }
        foreach (var gone in _due.Keys.Union(_warned.Keys).Except(networks.Select(n => n.Id)).ToList())
        {
            _due.TryRemove(gone, out _);
            _warned.TryRemove(gone, out _);
        }
        var now = clock.GetUtcNow();
        foreach (var network in networks)
        {
            var platform = runner.PlatformFor(network);
            if (!platform.Facts.PortalDrivenBlocks)
            {
                continue;
            }
            var profile = NodeRunner.ReadProfile(network);
            var interval = TimeSpan.FromSeconds(profile.BlockIntervalSeconds);
            // Ticks jitter by a few milliseconds; a block due within a tenth of the interval is made now.
            if (_due.TryGetValue(network.Id, out var due) && now < due - interval / 10)
            {
                continue;
            }
            try
            {
                if (await platform.ProduceBlockAsync(profile, network.Nodes, ct) is not null)
                {
                    var next = (due == default ? now : due) + interval;
                    _due[network.Id] = next <= now ? now + interval : next;
                }
            }
            catch (NodeRpcException ex)
            {
                var quiet = _warned.TryGetValue(network.Id, out var warned) && now - warned < TimeSpan.FromMinutes(1);
                logger.Log(quiet ? LogLevel.Debug : LogLevel.Warning, "Could not mine a block on {Network}: {Error}", network.Name, ex.Message);
                if (!quiet)
                {
                    _warned[network.Id] = now;
                }
            }
        }
    }
}
