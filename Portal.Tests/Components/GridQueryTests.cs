using Microsoft.EntityFrameworkCore;
using MudBlazor;
using NutPortal.Core.Networks;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Tests.Components;

/// <summary>The grids' server side: sorting, filtering and paging run as SQL on a real database.</summary>
public sealed class GridQueryTests
{
    private sealed record Row(string Name, NetworkStatus Status);

    [Fact]
    public async Task A_page_is_sorted_and_counted_in_the_database()
    {
        await using var ctx = new PortalComponentContext();
        var contexts = await ctx.UseDatabaseAsync();
        await SeedAsync(contexts, ("alpha", NetworkStatus.Running), ("bravo", NetworkStatus.Stopped), ("charlie", NetworkStatus.Running), ("delta", NetworkStatus.Failed));
        var state = new GridState<Row>
        {
            Page = 1,
            PageSize = 3,
            SortDefinitions = [new SortDefinition<Row>(nameof(Row.Name), Descending: true, Index: 0, SortFunc: r => r.Name)],
        };

        await using var db = await contexts.CreateDbContextAsync();
        var page = await db.Networks.ToGridDataAsync(state, n => new Row(n.Name, n.Status), q => q.OrderBy(n => n.Name), CancellationToken.None);

        Assert.Equal(4, page.TotalItems);
        Assert.Equal(["alpha"], page.Items.Select(r => r.Name));
    }

    [Fact]
    public async Task Text_filters_ignore_case_and_enum_filters_match_the_stored_status()
    {
        await using var ctx = new PortalComponentContext();
        var contexts = await ctx.UseDatabaseAsync();
        await SeedAsync(contexts, ("Alpha-Main", NetworkStatus.Running), ("alpha-test", NetworkStatus.Stopped), ("bravo", NetworkStatus.Running));

        await using var db = await contexts.CreateDbContextAsync();
        var byName = await db.Networks.Where(GridFilter.Build<Network>(nameof(Network.Name), FilterOperator.String.Contains, "ALPHA")!).Select(n => n.Name).OrderBy(n => n).ToListAsync();
        var running = await db.Networks.Where(GridFilter.Build<Network>(nameof(Network.Status), FilterOperator.Enum.Is, NetworkStatus.Running)!).Select(n => n.Name).OrderBy(n => n).ToListAsync();
        var unfilled = GridFilter.Build<Network>(nameof(Network.Name), FilterOperator.String.Contains, "");

        Assert.Equal(["Alpha-Main", "alpha-test"], byName);
        Assert.Equal(["Alpha-Main", "bravo"], running);
        Assert.Null(unfilled);
    }

    [Fact]
    public void A_column_the_entity_lacks_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GridFilter.Build<Network>("Colour", FilterOperator.String.Contains, "x"));
        Assert.Contains("Colour", error.Message, StringComparison.Ordinal);
    }

    private static async Task SeedAsync(IDbContextFactory<NutPortal.Core.Persistence.PortalDbContext> contexts, params (string Name, NetworkStatus Status)[] networks)
    {
        await using var db = await contexts.CreateDbContextAsync();
        foreach (var (name, status) in networks)
        {
            db.Networks.Add(new Network
            {
                Id = Guid.NewGuid().ToString("N")[..12], Name = name, Platform = "ethereum", Driver = "local", ProfileJson = "{}",
                Status = status, CreatedBy = "test", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    }
}
