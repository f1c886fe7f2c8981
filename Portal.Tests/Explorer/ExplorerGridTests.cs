using NutPortal.Core.Explorer;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

/// <summary>The explorer grids' server-side pages on a real database: every row once, in chain order, with a count.</summary>
public sealed class ExplorerGridTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Paging_blocks_newest_first_visits_every_block_once_and_counts_them(string provider)
    {
        await using var grid = await GridDatabase.CreateAsync(provider);
        var net = await grid.AddNetworkAsync("grid-blocks");
        await grid.AddChainAsync([.. Enumerable.Range(0, 60).Select(n => GridDatabase.Block(net, n, Start.AddSeconds(n)))], []);
        var grids = grid.Get<ExplorerGrids>();

        var pages = new List<PagedResult<ChainBlock>>();
        for (var p = 0; p < 3; p++)
        {
            pages.Add(await grids.BlocksAsync(net, new PageRequest(p, 25)));
        }
        var oldestFirst = await grids.BlocksAsync(net, new PageRequest(1, 25, "number", Descending: false));
        var belowThirty = await grids.BlocksAsync(net, new PageRequest(0, 10), atOrBelow: 30);

        Assert.All(pages, p => Assert.Equal(60, p.Total));
        Assert.Equal(Enumerable.Range(0, 60).Reverse().Select(n => (long)n), pages.SelectMany(p => p.Items).Select(b => b.Number));
        Assert.Equal(Enumerable.Range(25, 25).Select(n => (long)n), oldestFirst.Items.Select(b => b.Number));
        Assert.Equal(31, belowThirty.Total);
        Assert.Equal(Enumerable.Range(21, 10).Reverse().Select(n => (long)n), belowThirty.Items.Select(b => b.Number));
        Assert.Empty((await grids.BlocksAsync("no-such-network", new PageRequest())).Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Paging_transactions_walks_chain_order_and_filters_by_block(string provider)
    {
        await using var grid = await GridDatabase.CreateAsync(provider);
        var net = await grid.AddNetworkAsync("grid-txs");
        var blocks = Enumerable.Range(0, 20).Select(n => GridDatabase.Block(net, n, Start.AddSeconds(n), 3)).ToList();
        var txs = blocks.SelectMany(b => Enumerable.Range(0, 3).Select(i => GridDatabase.Transaction(net, b.Number, i, GridDatabase.Account(1), GridDatabase.Account(2)))).ToList();
        await grid.AddChainAsync(blocks, txs);
        var grids = grid.Get<ExplorerGrids>();

        var second = await grids.TransactionsAsync(net, new PageRequest(1, 25));
        var last = await grids.TransactionsAsync(net, new PageRequest(2, 25));
        var oldest = await grids.TransactionsAsync(net, new PageRequest(0, 4, "position", Descending: false));
        var upToFive = await grids.TransactionsAsync(net, new PageRequest(0, 100), atOrBelowBlock: 5);

        var newestFirst = txs.OrderByDescending(t => t.BlockNumber).ThenByDescending(t => t.TransactionIndex).Select(t => t.Hash).ToList();
        Assert.Equal(60, second.Total);
        Assert.False(second.TotalIsCapped);
        Assert.Equal(newestFirst.Skip(25).Take(25), second.Items.Select(t => t.Hash));
        Assert.Equal(newestFirst.Skip(50), last.Items.Select(t => t.Hash));
        Assert.Equal([GridDatabase.TxHash(0, 0), GridDatabase.TxHash(0, 1), GridDatabase.TxHash(0, 2), GridDatabase.TxHash(1, 0)], oldest.Items.Select(t => t.Hash));
        Assert.Equal(18, upToFive.Total);
        Assert.All(upToFive.Items, t => Assert.True(t.BlockNumber <= 5));
        Assert.Empty((await grids.TransactionsAsync(net, new PageRequest(3, 25))).Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_address_history_lists_sent_received_and_created_once_each_newest_first(string provider)
    {
        await using var grid = await GridDatabase.CreateAsync(provider);
        var net = await grid.AddNetworkAsync("grid-address");
        var me = GridDatabase.Account(7);
        var blocks = Enumerable.Range(0, 30).Select(n => GridDatabase.Block(net, n, Start.AddSeconds(n), 2)).ToList();
        var txs = new List<ChainTransaction>();
        foreach (var b in blocks)
        {
            var n = (int)b.Number;
            // Block by block: a transfer to someone else, then one of: sent by me, sent to me, to myself (one row, both sides), a creation by me.
            txs.Add(GridDatabase.Transaction(net, n, 0, GridDatabase.Account(1), GridDatabase.Account(2)));
            txs.Add((n % 4) switch
            {
                0 => GridDatabase.Transaction(net, n, 1, me, GridDatabase.Account(3)),
                1 => GridDatabase.Transaction(net, n, 1, GridDatabase.Account(3), me),
                2 => GridDatabase.Transaction(net, n, 1, me, me),
                _ => GridDatabase.Transaction(net, n, 1, GridDatabase.Account(3), null, created: me),
            });
        }
        await grid.AddChainAsync(blocks, txs);
        var grids = grid.Get<ExplorerGrids>();

        var seen = new List<string>();
        PagedResult<ChainTransaction> page;
        var p = 0;
        do
        {
            page = await grids.AddressTransactionsAsync(net, me.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), new PageRequest(p++, 7));
            seen.AddRange(page.Items.Select(t => t.Hash));
        }
        while (page.Items.Count > 0);

        Assert.Equal(30, page.Total);
        Assert.Equal(Enumerable.Range(0, 30).Reverse().Select(n => GridDatabase.TxHash(n, 1)), seen);

        // Sorted oldest first, a page in the middle holds the next ones in chain order.
        var oldest = await grids.AddressTransactionsAsync(net, me, new PageRequest(1, 7, "position", Descending: false));
        Assert.Equal(Enumerable.Range(7, 7).Select(n => GridDatabase.TxHash(n, 1)), oldest.Items.Select(t => t.Hash));
        Assert.Equal(30, oldest.Total);
    }
}
