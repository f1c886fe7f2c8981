using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Web.Components.Pages;

namespace NutPortal.Tests.Components;

public sealed class DashboardTests
{
    [Fact]
    public async Task Each_network_shows_its_status_nodes_up_and_head_block_and_a_new_series_says_no_data_yet()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        var contexts = await ctx.UseDatabaseAsync(s => s.AddSingleton<DashboardModel>());
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Networks.Add(new Network
            {
                Id = "net1", Name = "supply-chain", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", Status = NetworkStatus.Degraded,
                CreatedBy = "ops@x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Nodes =
                [
                    Node("n1", "node-1", NodeStatus.Up, 1200), Node("n2", "node-2", NodeStatus.Up, 1202), Node("n3", "node-3", NodeStatus.Down, 900),
                ],
            });
            await db.SaveChangesAsync();
        }

        var page = ctx.Render<Home>();

        var row = page.WaitForElement("[data-testid=dashboard-network][data-name=supply-chain]");
        Assert.Equal("Degraded", row.QuerySelector("[data-testid=network-status]")!.TextContent.Trim());
        Assert.Equal("2 / 3", row.QuerySelector("[data-testid=nodes-up]")!.TextContent.Trim());
        Assert.Equal((1202).ToString("N0"), row.QuerySelector("[data-testid=head-block]")!.TextContent.Trim());
        Assert.Equal("no data yet", row.QuerySelector("[data-testid=tps-supply-chain] [data-testid=no-data]")!.TextContent.Trim());
        Assert.Equal("networks/net1", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Nothing is firing.", page.Find("[data-testid=dashboard-alerts] [data-testid=empty]").TextContent.Trim());
    }

    [Fact]
    public async Task Without_networks_the_dashboard_says_so_and_offers_operators_the_form()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        await ctx.UseDatabaseAsync(s => s.AddSingleton<DashboardModel>());

        var page = ctx.Render<Home>();

        var empty = page.WaitForElement("[data-testid=no-networks]");
        Assert.Contains("No networks yet.", empty.TextContent, StringComparison.Ordinal);
        Assert.Equal("networks/new", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=dashboard-deployments]"));  // contract work is for Admins and Developers
        Assert.Contains("ops@x", page.Find("[data-testid=welcome-name]").TextContent, StringComparison.Ordinal);
    }

    private static NetworkNode Node(string id, string name, NodeStatus status, long height) => new()
    {
        Id = id, NetworkId = "net1", Name = name, Status = status, BlockHeight = height, Host = "127.0.0.1", Version = "anvil", Hardfork = "prague",
        DataDirectory = "/tmp/" + id,
    };
}
