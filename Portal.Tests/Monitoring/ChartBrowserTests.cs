using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Monitoring;

public sealed class ChartBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task The_network_page_charts_tps_and_node_memory_live_and_runs_a_workload()
    {
        portal.WithSetting("Portal:Monitoring:SampleIntervalSeconds", "1");
        var address = portal.Address; // starts the real server
        using var client = portal.CreateAdminClient();
        client.BaseAddress = address;
        var id = (await CreateAsync(client, Profile("mon-chart"))).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var nodeId = Node(running).GetProperty("id").GetString()!;
        await ChainTraffic.SendTransfersAsync(portal, id, 3);

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{id}");
        await browser.WaitForAsync("[data-testid=chart-tps] .main-svg", timeoutMs: 20000);
        await browser.WaitForAsync($"[data-testid=chart-memory-{nodeId}] .main-svg", timeoutMs: 20000);
        var first = int.Parse(await browser.EvaluateAsync<string>("document.querySelector('[data-testid=chart-tps] [data-points]').dataset.points") ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);

        // New samples arrive over the live connection and are appended without reloading the page.
        await browser.EvaluateAsync<object?>("window.__noReload = true");
        await browser.WaitForAsync($"xpath=//*[@data-testid='chart-tps']//span[number(@data-points) > {first + 1}]", "attached", 20000);
        await browser.ClickAsync("[data-testid=range-1h]");
        await browser.WaitForAsync("[data-testid=range-1h][aria-checked=true]");
        await browser.WaitForAsync("[data-testid=chart-tps] .scatterlayer .trace", "attached");

        // A workload from the page: its report appears when it ends, without a reload.
        await browser.FillAsync("#workload-rate", "5");
        await browser.FillAsync("#workload-duration", "2");
        await browser.ClickAsync("[data-testid=run-workload]");
        await browser.WaitForAsync("[data-testid=workload-report][data-status=completed]", timeoutMs: 60000);

        Assert.Equal("10 / 10 / 0", await browser.TextAsync("[data-testid=workload-counts]"));
        Assert.True(await browser.EvaluateAsync<bool>("window.__noReload === true"), "the page reloaded");
        Assert.Empty(await browser.PageErrorsAsync());
    }
}
