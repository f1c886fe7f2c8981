using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Browser;

/// <summary>
/// Issue #11, item 7: axe-core finds no serious or critical violation on the main pages, in the light and the dark
/// palette, and the keyboard alone reaches the navigation and the page's actions.
/// </summary>
public sealed class MainPagesAccessibilityTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task The_main_pages_have_no_serious_accessibility_violations_in_light_and_dark_mode()
    {
        using var api = portal.CreateAdminClient();
        api.BaseAddress = portal.Address;
        var id = (await NetworkApi.CreateAsync(api, NetworkApi.Profile("axe"))).GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(api, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");

        // Each page with an element that shows its content has rendered.
        (string Path, string Ready)[] pages =
        [
            ("", "[data-testid=dashboard-network][data-name=axe]"),
            ("networks", "[data-testid=network-link][data-name=axe]"),
            ($"networks/{id}", "[data-testid=node-row]"),
            ("alerts", "[data-testid=manage-rules]"),
            ("alerts/rules", "[data-testid=rule-form]"),
            ("networks/new", "[data-testid=create-network]"),
            ("account/tokens", "[data-testid=create-token]"),
            ("admin/users", "[data-testid=user-row]"),
            ("oracle", "[data-testid=oracle-deploy]"),
            ("identity-chains", "[data-testid=identity-upload]"),
            ("consortia", "[data-testid=directory-empty], [data-testid=directory-entry]"),
        ];

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var found = new List<string>();
        foreach (var theme in new[] { "light", "dark" })
        {
            await SetThemeAsync(browser, theme);
            foreach (var (path, ready) in pages)
            {
                await browser.GotoInteractiveAsync(path);
                await browser.WaitForAsync(ready);
                await browser.WaitForAsync($"[data-testid=theme-toggle][data-theme={theme}]");
                foreach (var v in await browser.AccessibilityViolationsAsync())
                {
                    found.Add($"/{path} ({theme}): {v} — {await MarkupAsync(browser, v.Targets[0])}");
                }
            }
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [BrowserFact]
    public async Task The_keyboard_reaches_the_navigation_and_the_actions_and_enter_activates_them()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        // The theme toggle in the app bar: Enter switches the palette.
        var before = await browser.EvaluateAsync<string>("document.querySelector('[data-testid=theme-toggle]').dataset.theme");
        await browser.TabToAsync("[data-testid=theme-toggle]");
        await browser.PressAsync("Enter");
        var after = before == "dark" ? "light" : "dark";
        await browser.WaitForAsync($"[data-testid=theme-toggle][data-theme={after}]");

        // A navigation link: Enter opens the networks page.
        await browser.TabToAsync("[data-testid=nav] a[href=networks]");
        Assert.Equal("Networks", await browser.FocusedTextAsync());
        await browser.PressAsync("Enter");
        await browser.WaitForUrlAsync("/networks$");
        await browser.WaitForAsync("[data-testid=new-network]");

        // The page's action: Enter on "New network" opens the form.
        // The networks grid (filter cells, rows, pager) may stand between the drawer and the action.
        await browser.TabToAsync("[data-testid=new-network]", maxPresses: 200);
        Assert.Equal("New network", await browser.FocusedTextAsync(), ignoreCase: true);
        await browser.PressAsync("Enter");
        await browser.WaitForUrlAsync("/networks/new$");
        Assert.Empty(await browser.PageErrorsAsync());
    }

    [BrowserFact]
    public async Task The_labelled_filter_row_filters_the_networks_grid_on_the_server()
    {
        await AddNetworkAsync("filter-apple", NetworkStatus.Stopped);
        await AddNetworkAsync("filter-pear", NetworkStatus.Failed);
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("networks");
        await browser.WaitForAsync("[data-testid=network-link][data-name=filter-pear]");

        await browser.FillAsync("input[data-testid=filter-Name][placeholder='Filter by name']", "APPLE");
        await browser.WaitForAsync("[data-testid=network-link][data-name=filter-pear]", "detached");
        Assert.Equal(1, await browser.CountAsync("[data-testid=network-link][data-name=filter-apple]"));

        await browser.FillAsync("input[data-testid=filter-Name]", "filter-");
        await browser.WaitForAsync("[data-testid=network-link][data-name=filter-pear]");
        await browser.ClickAsync("[data-testid=filter-Status]");
        await browser.ClickAsync(".mud-popover-open .mud-list-item:has-text('Failed')");
        await browser.WaitForAsync("[data-testid=network-link][data-name=filter-apple]", "detached");
        Assert.Equal(1, await browser.CountAsync("[data-testid=network-link][data-name=filter-pear]"));
    }

    private async Task AddNetworkAsync(string name, NetworkStatus status)
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.Networks.Add(new Network
        {
            Id = name.Replace("-", ""), Name = name, Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}",
            Status = status, CreatedBy = PortalFactory.AdminEmail, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The offending element's markup (shortened), so a failure says what to fix.</summary>
    private static Task<string> MarkupAsync(BrowserSession browser, string selector) => browser.EvaluateAsync<string>(
        $"(document.querySelector({System.Text.Json.JsonSerializer.Serialize(selector)})?.outerHTML ?? '').slice(0, 400)");

    private static async Task SetThemeAsync(BrowserSession browser, string theme)
    {
        await browser.GotoInteractiveAsync("");
        if (await browser.CountAsync($"[data-testid=theme-toggle][data-theme={theme}]") == 0)
        {
            await browser.ClickAsync("[data-testid=theme-toggle]");
            await browser.WaitForAsync($"[data-testid=theme-toggle][data-theme={theme}]");
        }
    }
}
