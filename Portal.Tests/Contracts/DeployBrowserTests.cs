using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Contracts;

public sealed class DeployBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task A_developer_deploys_a_saved_token_and_calls_and_sends_from_the_generated_form()
    {
        var address = portal.Address; // starts the real server before the API client is made
        using var client = portal.CreateAdminClient();
        client.BaseAddress = address;
        var network = (await CreateAsync(client, Profile("browser-contracts"))).GetProperty("id").GetString()!;
        await WaitForAsync(client, network, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var accounts = await client.GetFromJsonAsync<string[]>($"/api/v1/networks/{network}/accounts");
        var project = (await (await client.PostAsJsonAsync("/api/v1/contracts", new { name = "UI token", source = ContractTemplates.Find("erc20")!.Source }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"contracts/{project}");
        await browser.WaitForAsync("[data-testid=deploy-panel] [data-testid=constructor-argument] >> nth=2");
        await browser.FillAsync("[data-testid=constructor-argument] >> nth=0", "Nut");
        await browser.FillAsync("[data-testid=constructor-argument] >> nth=1", "NUT");
        await browser.FillAsync("[data-testid=constructor-argument] >> nth=2", "1,000");
        await browser.ClickAsync("[data-testid=deploy]");
        Assert.Equal("uint256 expects a decimal or 0x-hex integer, got '1,000'.", await browser.FieldErrorAsync("#ctor-2"));  // under the supply field, nothing deployed
        Assert.Equal(0, await browser.CountAsync("[data-testid=deploy-error]"));
        await browser.FillAsync("[data-testid=constructor-argument] >> nth=2", "1000");
        await browser.ClickAsync("[data-testid=deploy]");
        await browser.WaitForAsync("[data-testid=contract-address]", timeoutMs: 30000);

        await browser.FillAsync("[data-testid=function][data-name=balanceOf] [data-testid=argument]", accounts![0]);
        await browser.ClickAsync("[data-testid=function][data-name=balanceOf] [data-testid=invoke]");
        await browser.WaitForTextAsync("[data-testid=function][data-name=balanceOf] [data-testid=outputs]", "1000");
        await browser.FillAsync("[data-testid=function][data-name=transfer] [data-testid=argument] >> nth=0", accounts[1]);
        await browser.FillAsync("[data-testid=function][data-name=transfer] [data-testid=argument] >> nth=1", "7");
        await browser.ClickAsync("[data-testid=function][data-name=transfer] [data-testid=invoke]");
        await browser.WaitForTextAsync("[data-testid=function][data-name=transfer] [data-testid=tx-status]", "succeeded", 30000);

        Assert.Contains("Transfer", await browser.TextAsync("[data-testid=function][data-name=transfer] [data-testid=event]"), StringComparison.Ordinal);
        Assert.Contains("\"7\"", await browser.TextAsync("[data-testid=function][data-name=transfer] [data-testid=event]"), StringComparison.Ordinal);
    }
}
