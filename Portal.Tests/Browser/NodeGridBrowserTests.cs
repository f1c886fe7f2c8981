using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Browser;

/// <summary>The network page's node grid (server data): its row actions act on the node and the row follows live.</summary>
public sealed class NodeGridBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task An_operator_stops_and_starts_a_node_from_the_grid_and_the_row_follows_live()
    {
        using var api = portal.CreateAdminClient();
        api.BaseAddress = portal.Address;
        var id = (await NetworkApi.CreateAsync(api, NetworkApi.Profile("grid"))).GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(api, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{id}");
        await browser.WaitForTextAsync("[data-testid=node-table] [data-testid=node-status]", "Up");
        Assert.Equal(1, await browser.CountAsync("[data-testid=node-table] [data-testid=node-row]"));

        await browser.ClickAsync("[data-testid=node-table] [data-testid=stop-node]");
        await browser.WaitForAsync("[data-testid=node-table] [data-testid=start-node]", timeoutMs: 30000);
        Assert.Equal("Stopped", await browser.TextAsync("[data-testid=node-table] [data-testid=node-status]"));
        Assert.Equal("Stopped", NetworkApi.Node(await NetworkApi.GetAsync(api, id)).GetProperty("status").GetString());

        await browser.ClickAsync("[data-testid=node-table] [data-testid=start-node]");
        await browser.WaitForTextAsync("[data-testid=node-table] [data-testid=node-status]", "Up", 30000);
        await browser.WaitForAsync("[data-testid=node-table] [data-testid=stop-node]");
    }
}
