using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.DappStore;

/// <summary>A DApp's use, from the explorer's index of its network: distinct senders to its contracts (live users) and
/// transactions to them in the last 24 hours, and its transactions per second over the last minute.</summary>
public sealed record DappStatsChanged(string DappId, string NetworkId, int LiveUsers, int Transactions24h, double Tps, DateTime At);

/// <summary>Counts a DApp's use from indexed transactions (bounded by the block-time and address indexes).</summary>
public sealed class DappLiveCounters(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan TpsWindow = TimeSpan.FromMinutes(1);

    public async Task<DappStatsChanged> ReadAsync(string dappId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dapp = await db.Dapps.AsNoTracking().Where(d => d.Id == dappId).Select(d => new { d.Id, d.NetworkId }).FirstAsync(ct);
        var addresses = await (from c in db.DappContracts join d in db.DeployedContracts on c.DeployedContractId equals d.Id
                               where c.DappId == dappId select d.Address).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (addresses.Count == 0)
        {
            return new DappStatsChanged(dappId, dapp.NetworkId, 0, 0, 0, now);
        }
        var day = await FirstBlockSinceAsync(db, dapp.NetworkId, now.AddDays(-1), ct);
        var minute = await FirstBlockSinceAsync(db, dapp.NetworkId, now - TpsWindow, ct);
        var calls = db.ChainTransactions.Where(t => t.NetworkId == dapp.NetworkId && t.To != null && addresses.Contains(t.To));
        var lastDay = calls.Where(t => t.BlockNumber >= day);
        var users = await lastDay.Select(t => t.From).Distinct().CountAsync(ct);
        var transactions = await lastDay.CountAsync(ct);
        var recent = await calls.Where(t => t.BlockNumber >= minute).CountAsync(ct);
        return new DappStatsChanged(dappId, dapp.NetworkId, users, transactions, Math.Round(recent / TpsWindow.TotalSeconds, 3), now);
    }

    /// <summary>The DApps on a network that have contracts (those whose counters can move).</summary>
    public async Task<IReadOnlyList<string>> DappsOnAsync(string networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Dapps.Where(d => d.NetworkId == networkId && d.Contracts.Count > 0).Select(d => d.Id).ToListAsync(ct);
    }

    // No block in the window: nothing counts (long.MaxValue matches no transaction).
    private static async Task<long> FirstBlockSinceAsync(PortalDbContext db, string networkId, DateTime since, CancellationToken ct) =>
        await db.ChainBlocks.Where(b => b.NetworkId == networkId && b.Timestamp >= since).MinAsync(b => (long?)b.Number, ct) ?? long.MaxValue;
}
