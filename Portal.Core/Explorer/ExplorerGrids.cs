using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Explorer;

/// <summary>
/// Server-side pages for the explorer's grids, each one index seek: blocks by number (the indexer stores them
/// contiguously from block 0, so page p starts at a computed number, however deep), transactions by chain
/// position and an address's history by its three position indexes. Counts of transactions stop at
/// <see cref="CountCap"/> (an address's at <see cref="AddressCountCap"/>); older rows stay reachable through the keyset API (<see cref="ExplorerQueries"/>).
/// </summary>
public sealed class ExplorerGrids(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int CountCap = 10_000;

    /// <summary>An address's history counts its three seeks' ids: a smaller cap keeps that a few thousand index entries.</summary>
    public const int AddressCountCap = 1_000;

    /// <summary>Blocks newest first (or oldest first), at or below <paramref name="atOrBelow"/> when given.</summary>
    public async Task<PagedResult<ChainBlock>> BlocksAsync(string networkId, PageRequest page, long? atOrBelow = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.ChainBlocks.AsNoTracking().Where(b => b.NetworkId == networkId);
        var lowest = await mine.MinAsync(b => (long?)b.Number, ct);
        var highest = await mine.MaxAsync(b => (long?)b.Number, ct);
        if (lowest is not { } low || highest is not { } high)
        {
            return new PagedResult<ChainBlock>([], 0);
        }
        if (atOrBelow is { } limit)
        {
            high = Math.Min(high, limit);
        }
        var total = Math.Max(0, high - low + 1);
        var ascending = page.SortBy is "number" && !page.Descending;
        var rows = ascending
            ? await mine.Where(b => b.Number >= low + page.Skip && b.Number <= high).OrderBy(b => b.Number).Take(page.Size).ToListAsync(ct)
            : await mine.Where(b => b.Number <= high - page.Skip).OrderByDescending(b => b.Number).Take(page.Size).ToListAsync(ct);
        return new PagedResult<ChainBlock>(rows, (int)Math.Min(total, int.MaxValue));
    }

    /// <summary>Transactions in chain order, newest first by default, at or below a block when given.</summary>
    public async Task<PagedResult<ChainTransaction>> TransactionsAsync(string networkId, PageRequest page, long? atOrBelowBlock = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.ChainTransactions.AsNoTracking().Where(t => t.NetworkId == networkId);
        if (atOrBelowBlock is { } limit)
        {
            mine = mine.Where(t => t.BlockNumber <= limit);
        }
        var (total, capped) = await Paging.CappedCountAsync(mine, CountCap, ct);
        if (page.Skip >= total)
        {
            return new PagedResult<ChainTransaction>([], total, capped);
        }
        var ordered = page.SortBy is "position" && !page.Descending
            ? mine.OrderBy(t => t.BlockNumber).ThenBy(t => t.TransactionIndex)
            : mine.OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex);
        return new PagedResult<ChainTransaction>(await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct), total, capped);
    }

    /// <summary>
    /// An address's transactions (sent, received, contract created) newest first, or oldest first when sorted by
    /// "position" ascending. Each of the three seeks reads at most the rows up to the page's end, so a page costs at
    /// most three bounded index walks.
    /// </summary>
    public async Task<PagedResult<ChainTransaction>> AddressTransactionsAsync(string networkId, string address, PageRequest page, CancellationToken ct = default)
    {
        var lower = address.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.ChainTransactions.AsNoTracking().Where(t => t.NetworkId == networkId);
        IQueryable<ChainTransaction>[] seeks = [mine.Where(t => t.From == lower), mine.Where(t => t.To == lower), mine.Where(t => t.ContractAddress == lower)];
        var ids = new HashSet<long>();
        foreach (var seek in seeks)
        {
            ids.UnionWith(await Newest(seek).Select(t => t.Id).Take(AddressCountCap + 1).ToListAsync(ct));
        }
        var total = Math.Min(ids.Count, AddressCountCap);
        var end = page.Skip + page.Size;
        if (page.Skip >= total)
        {
            return new PagedResult<ChainTransaction>([], total, ids.Count > AddressCountCap);
        }
        var oldestFirst = page.SortBy is "position" && !page.Descending;
        var found = new List<ChainTransaction>();
        foreach (var seek in seeks)
        {
            found.AddRange(await (oldestFirst ? Oldest(seek) : Newest(seek)).Take(end).ToListAsync(ct));
        }
        var distinct = found.DistinctBy(t => t.Id);
        var rows = (oldestFirst
            ? distinct.OrderBy(t => t.BlockNumber).ThenBy(t => t.TransactionIndex)
            : distinct.OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex)).Skip(page.Skip).Take(page.Size);
        return new PagedResult<ChainTransaction>([.. rows], total, ids.Count > AddressCountCap);
    }

    private static IOrderedQueryable<ChainTransaction> Oldest(IQueryable<ChainTransaction> query) =>
        query.OrderBy(t => t.BlockNumber).ThenBy(t => t.TransactionIndex);

    private static IOrderedQueryable<ChainTransaction> Newest(IQueryable<ChainTransaction> query) =>
        query.OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex);
}
