using Bunit;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Explorer;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Components;
using NutPortal.Web.Components.Explorer;

namespace NutPortal.Tests.Explorer;

/// <summary>The address page's history grid, over a seeded index: paged and sorted by the database, one page at a time.</summary>
public sealed class AddressGridComponentTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_address_with_more_than_a_page_of_transactions_pages_newest_first_and_sorts_oldest_first()
    {
        await using var ctx = new PortalComponentContext("dev@x", "Developer");
        var contexts = await ctx.UseDatabaseAsync();
        var me = GridDatabase.Account(7);
        // 60 blocks: each a transfer between others, and every block but the multiples of 5 one of mine (48 in all).
        var blocks = Enumerable.Range(0, 60).Select(n => GridDatabase.Block("addr", n, Start.AddSeconds(n), 2)).ToList();
        var txs = blocks.SelectMany(b => new[]
        {
            GridDatabase.Transaction("addr", b.Number, 0, GridDatabase.Account(1), GridDatabase.Account(2)),
            b.Number % 5 == 0 ? GridDatabase.Transaction("addr", b.Number, 1, GridDatabase.Account(3), GridDatabase.Account(4))
                : b.Number % 2 == 0 ? GridDatabase.Transaction("addr", b.Number, 1, me, GridDatabase.Account(3)) : GridDatabase.Transaction("addr", b.Number, 1, GridDatabase.Account(3), me),
        }).ToList();
        await SeedAsync(contexts, blocks, txs);
        var mine = txs.Where(t => t.From == me || t.To == me).OrderByDescending(t => t.BlockNumber).Select(t => t.Hash).ToList();
        Assert.Equal(48, mine.Count);

        var grid = ctx.Render<AddressTransactionGrid>(p => p.Add(g => g.NetworkId, "addr").Add(g => g.Address, me));

        grid.WaitForAssertion(() => Assert.Equal(mine.Take(25), Rows(grid)));
        Assert.Contains("1-25 of 48", grid.Find("[data-testid=address-tx-pager]").TextContent, StringComparison.Ordinal);

        await grid.Find("[data-testid=address-tx-pager] button[aria-label='Next page']").ClickAsync(new());
        grid.WaitForAssertion(() => Assert.Equal(mine.Skip(25), Rows(grid)));
        Assert.Contains("26-48 of 48", grid.Find("[data-testid=address-tx-pager]").TextContent, StringComparison.Ordinal);
        Assert.Empty(grid.FindAll("[data-testid=address-history-capped]"));

        // Sorted by block (ascending), the database pages oldest first: the grid stays on the second page, then goes to the first.
        await grid.FindAll(".sortable-column-header").Single(h => h.TextContent.Trim() == "Block").ClickAsync(new());
        grid.WaitForAssertion(() => Assert.Equal(mine.Take(23).Reverse(), Rows(grid)));
        await grid.Find("[data-testid=address-tx-pager] button[aria-label='First page']").ClickAsync(new());
        grid.WaitForAssertion(() => Assert.Equal(mine.AsEnumerable().Reverse().Take(25), Rows(grid)));
    }

    private static List<string?> Rows(IRenderedComponent<AddressTransactionGrid> grid) =>
        [.. grid.FindAll("[data-testid=tx-row]").Select(r => r.GetAttribute("data-hash"))];

    private static async Task SeedAsync(
        IDbContextFactory<PortalDbContext> contexts, IReadOnlyList<ChainBlock> blocks, IReadOnlyList<ChainTransaction> txs)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.Networks.Add(new Network { Id = "addr", Name = "addr", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "test", CreatedAt = Start, UpdatedAt = Start });
        await db.SaveChangesAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await ChainRowWriter.InsertAsync(db, blocks, CancellationToken.None);
        await ChainRowWriter.InsertAsync(db, txs, CancellationToken.None);
        await transaction.CommitAsync();
    }
}
