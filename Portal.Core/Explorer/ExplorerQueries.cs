using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Explorer;

/// <summary>A transaction with its block's time and its logs.</summary>
public sealed record TransactionDetail(ChainTransaction Transaction, DateTime BlockTimestamp, string BlockHash, IReadOnlyList<ChainLog> Logs);

/// <summary>The explorer's read side over indexed data; one short-lived DbContext per call.</summary>
public sealed class ExplorerQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxPage = 100;

    /// <summary>Blocks below <paramref name="before"/> (or the newest), newest first.</summary>
    public async Task<IReadOnlyList<ChainBlock>> BlocksAsync(string networkId, long? before, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ChainBlocks.AsNoTracking().Where(b => b.NetworkId == networkId);
        if (before is { } b)
        {
            query = query.Where(x => x.Number < b);
        }
        return await query.OrderByDescending(x => x.Number).Take(Math.Clamp(limit, 1, MaxPage)).ToListAsync(ct);
    }

    public async Task<ChainBlock?> BlockAsync(string networkId, long number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChainBlocks.AsNoTracking().SingleOrDefaultAsync(b => b.NetworkId == networkId && b.Number == number, ct);
    }

    public async Task<ChainBlock?> BlockByHashAsync(string networkId, string hash, CancellationToken ct = default)
    {
        var lower = hash.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChainBlocks.AsNoTracking().FirstOrDefaultAsync(b => b.NetworkId == networkId && b.Hash == lower, ct);
    }

    public async Task<long?> IndexedHeightAsync(string networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChainBlocks.Where(b => b.NetworkId == networkId).MaxAsync(b => (long?)b.Number, ct);
    }

    public async Task<IReadOnlyList<ChainTransaction>> BlockTransactionsAsync(string networkId, long number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChainTransactions.AsNoTracking().Where(t => t.NetworkId == networkId && t.BlockNumber == number)
            .OrderBy(t => t.TransactionIndex).ToListAsync(ct);
    }

    /// <summary>The newest transactions, newest first.</summary>
    public async Task<IReadOnlyList<ChainTransaction>> LatestTransactionsAsync(string networkId, int limit, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChainTransactions.AsNoTracking().Where(t => t.NetworkId == networkId)
            .OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex).Take(Math.Clamp(limit, 1, MaxPage)).ToListAsync(ct);
    }

    public async Task<TransactionDetail?> TransactionAsync(string networkId, string hash, CancellationToken ct = default)
    {
        var lower = hash.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tx = await db.ChainTransactions.AsNoTracking().FirstOrDefaultAsync(t => t.NetworkId == networkId && t.Hash == lower, ct);
        if (tx is null)
        {
            return null;
        }
        var block = await db.ChainBlocks.AsNoTracking().SingleAsync(b => b.NetworkId == networkId && b.Number == tx.BlockNumber, ct);
        var logs = await db.ChainLogs.AsNoTracking().Where(l => l.NetworkId == networkId && l.TransactionHash == lower).OrderBy(l => l.LogIndex).ToListAsync(ct);
        return new TransactionDetail(tx, block.Timestamp, block.Hash, logs);
    }

    /// <summary>
    /// Indexed transactions from or to the address (or creating it), newest first, strictly before
    /// <paramref name="before"/> when given. Three keyset seeks (sender, recipient, created contract; each on its
    /// own index in chain order) merged here: one OR-ed query cannot walk an index in order and sorted every
    /// match of a busy address.
    /// </summary>
    public async Task<IReadOnlyList<ChainTransaction>> AddressTransactionsAsync(string networkId, string address, int limit, TransactionCursor? before = null, CancellationToken ct = default)
    {
        var lower = address.ToLowerInvariant();
        var take = Math.Clamp(limit, 1, MaxPage);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.ChainTransactions.AsNoTracking().Where(t => t.NetworkId == networkId);
        if (before is { } cursor)
        {
            mine = mine.Where(t => t.BlockNumber <= cursor.BlockNumber && (t.BlockNumber < cursor.BlockNumber || t.TransactionIndex < cursor.TransactionIndex));
        }
        var found = new List<ChainTransaction>();
        found.AddRange(await NewestAsync(mine.Where(t => t.From == lower), take, ct));
        found.AddRange(await NewestAsync(mine.Where(t => t.To == lower), take, ct));
        found.AddRange(await NewestAsync(mine.Where(t => t.ContractAddress == lower), take, ct));
        return [.. found.DistinctBy(t => t.Id).OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex).Take(take)];
    }

    private static Task<List<ChainTransaction>> NewestAsync(IQueryable<ChainTransaction> query, int take, CancellationToken ct) =>
        query.OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex).Take(take).ToListAsync(ct);

    public async Task<bool> TransactionExistsAsync(string networkId, string hash, CancellationToken ct = default)
    {
        var lower = hash.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChainTransactions.AnyAsync(t => t.NetworkId == networkId && t.Hash == lower, ct);
    }
}
