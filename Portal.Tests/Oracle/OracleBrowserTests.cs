using NutPortal.Core.Oracle;
using NutPortal.Tests.Browser;
using System.Net.Http.Json;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Oracle;

public sealed class OracleBrowserTests
{
    [BrowserFact]
    public async Task A_request_answered_while_the_oracle_page_is_open_appears_there_live()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        await using var portal = new RealServerPortalFactory().WithOracleSettings();
        var address = portal.Address;
        await portal.AddNetworkAsync("live-net");
        var admin = await portal.AdminCallerAsync();

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("oracle");
        await browser.WaitForAsync("[data-testid=no-oracle-requests]");
        var request = await portal.SubmitAndWaitAsync(admin, new OracleSubmission("live-net", server.Localhost("/price"),
            Selector: "data.price", ResultType: OracleResultType.Int256, Decimals: 2));

        await browser.WaitForAsync($"[data-testid=oracle-row][data-id='{request.Id}'][data-status=Succeeded]");
        await browser.WaitForTextAsync("[data-testid=oracle-value]", "12345");
        Assert.Equal("1 request", await browser.TextAsync("[data-testid=oracle-count]"));

        // A cross-chain request shows the network it read (by name) and what it read, not a URL.
        var read = await portal.SubmitAndWaitAsync(admin, new OracleSubmission("live-net", "", Retries: 0,
            Source: new OracleNetworkSource("live-net", "0x52908400098527886E0F7030069857D2E4169EE7", "ETH")));
        await browser.WaitForAsync($"[data-testid=oracle-row][data-id='{read.Id}'][data-status=Failed]");
        await browser.WaitForTextAsync("[data-testid=oracle-source]", "live-net: balance of 0x52908400098527886E0F7030069857D2E4169EE7 (ETH)");
        Assert.Empty(await browser.AccessibilityViolationsAsync());
    }

    [BrowserFact]
    public async Task An_operator_deploys_the_oracle_contract_on_a_running_network_from_the_page()
    {
        await using var portal = new RealServerPortalFactory();
        var address = portal.Address;
        using var api = portal.CreateAdminClient();
        api.BaseAddress = address;
        var id = (await NetworkApi.CreateAsync(api, NetworkApi.Profile("oracle-page"))).GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(api, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("oracle");
        await browser.WaitForAsync("[data-testid=no-oracle-contracts]");
        await browser.ChooseAsync("[data-testid=oracle-deploy-network]", "oracle-page");
        await browser.ClickAsync("[data-testid=oracle-deploy]");

        await browser.WaitForAsync($"[data-testid=oracle-contract][data-network='{id}']", timeoutMs: 60000);
        var deployed = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/networks/{id}/oracle");
        Assert.Contains(deployed.GetProperty("contractAddress").GetString()!, await browser.TextAsync("[data-testid=oracle-contract]"), StringComparison.OrdinalIgnoreCase);
    }
}
