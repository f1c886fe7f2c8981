using System.Net.Http.Json;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Alerts;

public sealed class AlertBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task An_operator_makes_a_rule_sees_the_bell_light_up_live_and_acknowledges_the_alert()
    {
        portal.WithSetting("Portal:Monitoring:SampleIntervalSeconds", "1").WithSetting("Portal:Alerts:EvaluationIntervalSeconds", "1");
        var address = portal.Address;
        using var client = portal.CreateAdminClient();
        client.BaseAddress = address;
        var id = (await CreateAsync(client, Profile("alert-ui"))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("alerts/rules");
        await browser.FillAsync("#name", "chain alive");
        await browser.ChooseAsync("[data-testid=rule-network]", "alert-ui");
        await browser.ChooseAsync("[data-testid=rule-metric]", "blockHeight (block)");
        await browser.ChooseAsync("[data-testid=rule-comparator]", ">=");
        await browser.FillAsync("#threshold", "0");
        await browser.FillAsync("#forSeconds", "0");
        await browser.FillAsync("#channels-0-url", "http://169.254.169.254/latest");
        await browser.ClickAsync("[data-testid=create-rule]");
        Assert.NotEmpty(await browser.FieldErrorAsync("[data-field='channels[0].url']"));  // the outbound guard's verdict, under the webhook field

        await browser.FillAsync("#channels-0-url", "");
        await browser.ClickAsync("[data-testid=create-rule]");
        await browser.WaitForAsync("[data-testid=rule-row]");
        await browser.EvaluateAsync<object?>("window.__noReload = true");

        // The bell in the top bar counts the firing alert without a reload.
        await browser.WaitForTextAsync("[data-testid=alert-count]", "1", 30000);
        Assert.True(await browser.EvaluateAsync<bool>("window.__noReload === true"), "the page reloaded");
        await browser.ClickAsync("[data-testid=alert-bell]");
        await browser.WaitForAsync("[data-testid=alert-row][data-state=Firing]");
        await browser.ClickAsync("[data-testid=acknowledge]");
        await browser.WaitForAsync("[data-testid=alert-count]", "detached");
        var alerts = await client.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/v1/alerts?state=firing");
        Assert.Equal(PortalFactory.AdminEmail, alerts![0].GetProperty("acknowledgedBy").GetString());
    }
}
