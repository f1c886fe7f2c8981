using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Organizations;

namespace NutPortal.Tests.Wallets;

/// <summary>The wallet in a real browser, as a new user with no other role: create an account, fund it from the faucet,
/// send through the confirmation dialog, and see the balance change.</summary>
public sealed class WalletBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task A_new_user_creates_a_wallet_funds_it_from_the_faucet_and_sends_ether_through_the_confirmation_dialog()
    {
        _ = portal.Address;
        var org = await Tenants.CreateOrganizationAsync(portal, $"Walletry {Guid.NewGuid():N}"[..20]);
        using var operatorUser = await Tenants.UserAsync(portal, org, "Operator");
        using var newcomer = await Tenants.UserAsync(portal, org, "Member");
        var network = await WalletApi.RunningNetworkAsync(operatorUser.Client, "wallet-browser");
        using var recipient = PrivateKey.Generate();

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(newcomer.Email, Tenants.Password);
        await browser.ClickAsync("[data-testid=nav] a[href='wallet']");
        await browser.WaitForAsync("[data-testid=no-wallets]");
        Assert.Empty(await browser.AccessibilityViolationsAsync());
        await browser.FillAsync("#wallet-name", "my first");
        await browser.ClickAsync("[data-testid=create-wallet]");
        await browser.WaitForTextAsync("[data-testid=wallet-row]", "my first");
        await browser.ClickAsync("[data-testid=wallet-link]");
        await browser.WaitForTextAsync("[data-testid=wallet-balance]", "0 ETH");
        // A fresh load (without the creation's snackbar) for the accessibility check of the account page.
        await browser.GotoInteractiveAsync(new Uri(await browser.UrlAsync()).PathAndQuery.TrimStart('/'));
        await browser.WaitForAsync("[data-testid=receive-qr]");
        var violations = await browser.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await browser.ClickAsync("[data-testid=faucet]");
        await browser.WaitForTextAsync("[data-testid=wallet-balance]", "1 ETH");
        await browser.FillAsync("#send-to", recipient.Address.ToString());
        await browser.FillAsync("#send-amount", "5");
        await browser.ClickAsync("[data-testid=send-review]");
        await browser.WaitForTextAsync("[data-testid=send-panel]", "it cannot send 5 ETH");
        Assert.Equal(0, await browser.CountAsync("[data-testid=send-confirm-dialog]"));

        await browser.FillAsync("#send-amount", "0.25");
        await browser.ClickAsync("[data-testid=send-review]");
        await browser.WaitForTextAsync("[data-testid=confirm-amount]", "0.25 ETH");
        Assert.Contains("at most", await browser.TextAsync("[data-testid=confirm-fee]"), StringComparison.Ordinal);
        await browser.ClickAsync("[data-testid=confirm-send]");
        await browser.WaitForTextAsync("[data-testid=wallet-balance]", "0.74");
        await browser.WaitForTextAsync("[data-testid=wallet-history]", "0.25");

        var nodeUrl = NetworkApi.Node(await NetworkApi.GetAsync(operatorUser.Client, network)).GetProperty("rpcUrl").GetString()!;
        using var rpc = new HttpClient();
        var reply = await (await rpc.PostAsJsonAsync(nodeUrl, new { jsonrpc = "2.0", id = 1, method = "eth_getBalance", @params = new object[] { recipient.Address.ToString(), "latest" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("0x3782dace9d90000", reply.GetProperty("result").GetString());
        Assert.Empty(await browser.PageErrorsAsync());
    }

    [BrowserFact]
    public async Task A_keystore_file_made_by_ethers_imports_through_the_dialog_and_a_wrong_password_is_named()
    {
        _ = portal.Address;
        var org = await Tenants.CreateOrganizationAsync(portal, $"Keyring {Guid.NewGuid():N}"[..20]);
        using var user = await Tenants.UserAsync(portal, org, "Member");
        using var key = PrivateKey.Generate();
        var made = System.Text.Json.Nodes.JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/keystore.mjs", new System.Text.Json.Nodes.JsonObject
        {
            ["make"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["key"] = NutPortal.Core.Ethereum.Hex.Encode(key.ExportBytes()), ["password"] = "from ethers", ["n"] = 1 << 12 }),
            ["open"] = new System.Text.Json.Nodes.JsonArray(),
        }.ToJsonString()))!["made"]![0]!.GetValue<string>();

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(user.Email, Tenants.Password);
        await browser.GotoInteractiveAsync("wallet");
        await browser.ClickAsync("[data-testid=import-keystore]");
        await browser.WaitForAsync("[data-testid=import-keystore-dialog]");
        await browser.FillAsync("#keystore-json", made);
        await browser.FillAsync("#keystore-password", "not the password");
        await browser.ClickAsync("[data-testid=import-keystore-ok]");
        await browser.WaitForTextAsync("[data-testid=import-keystore-dialog]", "Wrong password");
        await browser.WaitForAsync("#keystore-password[aria-invalid=true]", "attached");
        await browser.FillAsync("#keystore-password", "from ethers");
        await browser.ClickAsync("[data-testid=import-keystore-ok]");
        await browser.WaitForTextAsync("[data-testid=wallet-row]", key.Address.ToString());
        Assert.Contains("imported keystore", await browser.TextAsync("[data-testid=wallet-row]"), StringComparison.Ordinal);
    }
}
