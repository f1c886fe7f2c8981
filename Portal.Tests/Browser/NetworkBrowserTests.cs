using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Browser;

public sealed class NetworkBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task An_operator_creates_a_network_from_the_form_and_watches_it_come_up_live()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("networks");
        await browser.ClickAsync("[data-testid=new-network]");
        await browser.WaitForAsync("[data-testid=network-form]");
        await browser.WaitForInteractiveAsync();

        // A bad profile first: the form names the field.
        await browser.FillAsync("#name", "browser net");
        await browser.FillAsync("#blockIntervalSeconds", "-3");
        await browser.ClickAsync("[data-testid=create-network]");
        Assert.Contains("got -3", await browser.FieldErrorAsync("[data-field=blockIntervalSeconds]"), StringComparison.Ordinal);
        Assert.Equal(0, await browser.CountAsync("[data-field=name][aria-invalid=true]"));

        await browser.FillAsync("#blockIntervalSeconds", "1");
        await browser.ClickAsync("[data-testid=create-network]");

        // The network page fills in live: steps complete, the node comes up, the height grows without a reload.
        await browser.WaitForAsync("[data-testid=network-name]");
        await browser.WaitForAsync("[data-testid=deployment-step][data-status=Succeeded] >> nth=5", timeoutMs: 60000);
        await browser.WaitForTextAsync("[data-testid=node-status]", "Up", 30000);
        var first = long.Parse(await browser.TextAsync("[data-testid=node-height]") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await browser.EvaluateAsync<object?>("window.__noReload = true");
        await browser.WaitForAsync($"xpath=//*[@data-testid='node-height' and number(text()) > {first + 1}]", timeoutMs: 20000);
        Assert.True(await browser.EvaluateAsync<bool>("window.__noReload === true"), "the page reloaded");
        Assert.Equal("Running", await browser.TextAsync("[data-testid=network-status]"));
    }
}
