using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Monitoring;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Browser;

/// <summary>Issue #11's "done when": the path a new user walks through the MudBlazor portal.</summary>
public sealed class DashboardJourneyBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task A_user_watches_live_tps_deletes_a_network_pages_the_grid_and_keeps_dark_mode_across_sign_ins()
    {
        var address = portal.Address;
        using var api = portal.CreateAdminClient();
        api.BaseAddress = address;
        var alpha = (await NetworkApi.CreateAsync(api, NetworkApi.Profile("alpha"))).GetProperty("id").GetString()!;
        var bravo = (await NetworkApi.CreateAsync(api, NetworkApi.Profile("bravo"))).GetProperty("id").GetString()!;
        foreach (var id in new[] { alpha, bravo })
        {
            await NetworkApi.WaitForAsync(api, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");
        }
        await AddStoppedNetworksAsync(10);

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        // The dashboard: the running network's row, and its TPS line growing live (no reload).
        await browser.WaitForAsync("[data-testid=dashboard-network][data-name=alpha]");
        await browser.WaitForAsync("[data-testid=tps-alpha] .js-plotly-plot", timeoutMs: 30000);
        var points = await TpsPointsAsync(browser);
        await browser.EvaluateAsync<object?>("window.__noReload = true");
        await Eventually.HoldsAsync(async () => await TpsPointsAsync(browser) > points + 1, "the TPS sparkline did not grow live");
        Assert.True(await browser.EvaluateAsync<bool>("window.__noReload === true"), "the dashboard reloaded");
        Assert.Equal("1 / 1", await browser.TextAsync("[data-testid=dashboard-network][data-name=alpha] [data-testid=nodes-up]"));

        // Open the network from the dashboard.
        await browser.ClickAsync("[data-testid=dashboard-network][data-name=alpha] a");
        await browser.WaitForTextAsync("[data-testid=network-name]", "alpha");

        // Page through its blocks (15 a page) and the traces of its transactions (10 a page).
        await ChainTraffic.SendTransfersAsync(portal, alpha, 11);
        await NetworkApi.WaitForAsync(api, alpha, n => NetworkApi.Height(n) >= 20, TimeSpan.FromSeconds(60), "twenty blocks");
        await browser.GotoInteractiveAsync($"networks/{alpha}/explorer");
        await browser.WaitForAsync("[data-testid=block-row] >> nth=14");
        var top = long.Parse((await browser.EvaluateAsync<string>("document.querySelector('[data-testid=block-row]').dataset.number"))!, System.Globalization.CultureInfo.InvariantCulture);
        await browser.ClickAsync("[data-testid=block-pager] button[aria-label='Next page']");
        await browser.WaitForAsync($"[data-testid=block-row][data-number='{top - 15}']");
        Assert.Equal(0, await browser.CountAsync($"[data-testid=block-row][data-number='{top}']"));
        await browser.GotoInteractiveAsync("traces");
        await browser.WaitForAsync("[data-testid=trace-row] >> nth=9", timeoutMs: 30000);
        var newest = await browser.EvaluateAsync<string>("document.querySelector('[data-testid=trace-row]').dataset.hash");
        await browser.ClickAsync("[data-testid=trace-pager] button[aria-label='Next page']");
        await browser.WaitForAsync($"[data-testid=trace-row][data-hash='{newest}']", "detached");
        Assert.True(await browser.CountAsync("[data-testid=trace-row]") > 0, "the second page of traces is empty");

        // Delete another network: cancel first (nothing happens), then confirm in the dialog.
        await browser.GotoInteractiveAsync($"networks/{bravo}");
        await browser.ClickAsync("[data-testid=delete-network]");
        await browser.WaitForAsync("[data-testid=confirm-message]");
        await browser.ClickAsync("[data-testid=confirm-cancel]");
        await browser.WaitForAsync("[data-testid=confirm-message]", "detached");
        Assert.Equal("bravo", await browser.TextAsync("[data-testid=network-name]"));
        await browser.ClickAsync("[data-testid=delete-network]");
        Assert.Contains("bravo", await browser.TextAsync("[data-testid=confirm-message]"));
        await browser.ClickAsync("[data-testid=confirm-ok]");
        // The page stops the network's nodes and removes their data before it moves on: under load that outlasts 15 s.
        await browser.WaitForUrlAsync("/networks$", timeoutMs: 60_000);
        await browser.WaitForTextAsync(".mud-snackbar", "Network bravo deleted.");

        // The networks grid pages on the server: 11 networks, 10 a page.
        await browser.WaitForAsync("[data-testid=network-link][data-name=alpha]");
        Assert.Equal(0, await browser.CountAsync("[data-testid=network-link][data-name=bravo]"));
        Assert.Equal(10, await browser.CountAsync("[data-testid=network-link]"));
        await browser.ClickAsync("[data-testid=network-table] button[aria-label='Next page']");
        await browser.WaitForAsync("[data-testid=network-link][data-name=stopped-10]");
        Assert.Equal(1, await browser.CountAsync("[data-testid=network-link]"));

        // Dark mode, kept after signing out and in again.
        await browser.ClickAsync("[data-testid=theme-toggle]");
        await browser.WaitForAsync("[data-testid=theme-toggle][data-theme=dark]");
        var dark = await BackgroundAsync(browser);
        await browser.ClickAsync("[data-testid=sign-out]");
        await browser.WaitForUrlAsync("account/login");
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.WaitForAsync("[data-testid=theme-toggle][data-theme=dark]");
        Assert.Equal(dark, await BackgroundAsync(browser));
        Assert.Equal("rgba(13,17,23,1)", dark);
        Assert.Empty(await browser.PageErrorsAsync());
    }

    private static Task<int> TpsPointsAsync(BrowserSession browser) =>
        browser.EvaluateAsync<int>("document.querySelector('[data-testid=tps-alpha] .js-plotly-plot').data[0].x.length");

    private static Task<string> BackgroundAsync(BrowserSession browser) =>
        browser.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()");

    /// <summary>Networks that ran once and were stopped (no nodes left): enough rows for a second page.</summary>
    private async Task AddStoppedNetworksAsync(int count)
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        for (var i = 1; i <= count; i++)
        {
            db.Networks.Add(new Network
            {
                Id = $"stopped{i:00}", Name = $"stopped-{i:00}", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}",
                Status = NetworkStatus.Stopped, CreatedBy = PortalFactory.AdminEmail, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    }
}
