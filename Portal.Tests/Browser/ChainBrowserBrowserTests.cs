using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NutPortal.Core.Networks.Platforms.Neo;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Browser;

/// <summary>The chain browser's pages in a real browser on a real Litecoin regtest node.</summary>
public sealed partial class ChainBrowserBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task From_the_network_page_a_user_opens_a_block_and_then_a_payment_with_its_inputs_and_outputs()
    {
        using var client = portal.CreateAdminClient();
        client.BaseAddress = portal.Address;
        var id = (await CreateAsync(client, new
        {
            name = "ltc-pages", platform = "litecoin", nodeCount = 1, consensus = "pow", blockIntervalSeconds = 3600, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        var node = Node(await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(90), "Running"));
        var miner = (await LitecoinRpc.CallAsync(portal.DataDirectory, id, node, "getnewaddress", [], "wallet/portal")).GetString()!;
        await LitecoinRpc.CallAsync(portal.DataDirectory, id, node, "generatetoaddress", [101, miner]);
        var payee = (await LitecoinRpc.CallAsync(portal.DataDirectory, id, node, "getnewaddress", [], "wallet/portal")).GetString()!;
        var txid = (await LitecoinRpc.CallAsync(portal.DataDirectory, id, node, "sendtoaddress", [payee, 2.25m], "wallet/portal")).GetString()!;
        await LitecoinRpc.CallAsync(portal.DataDirectory, id, node, "generatetoaddress", [1, miner]);
        var height = (await LitecoinRpc.CallAsync(portal.DataDirectory, id, node, "getblockcount", [])).GetInt64();

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{id}");
        Assert.Equal(0, await browser.CountAsync("[data-testid=explorer-link]"));
        // Leaving before the node's charts are drawn makes Plotly report a missing element (the monitor's, not the browser's).
        await browser.WaitForAsync("[data-testid^=chart-disk] .js-plotly-plot", timeoutMs: 30000);
        await browser.ClickAsync("[data-testid=chain-browser-link]");
        await browser.ClickAsync($"[data-testid=chain-block-row][data-height='{height}'] a");
        await browser.WaitForTextAsync("[data-testid=chain-block-height]", $"Block {height}");
        Assert.Equal(2, await browser.CountAsync("[data-testid=chain-tx-row]"));
        await browser.ClickAsync($"[data-testid=chain-tx-row][data-id='{txid}'] a");

        await browser.WaitForTextAsync("[data-testid=chain-tx-id]", txid);
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), await browser.TextAsync("[data-testid=chain-tx-block]"));
        Assert.True(await browser.CountAsync("[data-testid=chain-input]") >= 1);
        Assert.Empty(await browser.AccessibilityViolationsAsync());
        var outputs = await browser.EvaluateAsync<string[]>("[...document.querySelectorAll('[data-testid=chain-output]')].map(r => r.innerText)");
        Assert.Contains(outputs, o => o.Contains(payee, StringComparison.Ordinal) && o.Contains("2.25000000", StringComparison.Ordinal) && o.Contains("unspent", StringComparison.Ordinal));

        // The input links to the coinbase it spends, whose spent output says so.
        await browser.ClickAsync("[data-testid=chain-input] a >> nth=0");
        await browser.WaitForTextAsync("[data-testid=chain-tx-kind]", "Coinbase transaction");
        Assert.Contains("spent", await browser.TextAsync("[data-testid=chain-outputs]") ?? "", StringComparison.Ordinal);

        // The search box takes the payee's address to its page: its balance and the one unspent output it holds.
        await browser.WaitForInteractiveAsync();
        await browser.FillAsync("#chain-query", payee);
        await browser.ClickAsync("[data-testid=chain-search-button]");
        await browser.WaitForTextAsync("[data-testid=chain-address]", payee);
        Assert.Contains("2.25000000", await browser.TextAsync("[data-testid=chain-balance]") ?? "", StringComparison.Ordinal);
        Assert.Contains(txid[..10], await browser.TextAsync("[data-testid=chain-unspent]") ?? "", StringComparison.Ordinal);
        Assert.Empty(await browser.PageErrorsAsync());
    }

    [BrowserFact]
    public async Task A_neo_transfer_page_shows_the_decoded_GAS_transfer_and_links_its_sender()
    {
        using var client = portal.CreateAdminClient();
        client.BaseAddress = portal.Address;
        var id = (await CreateAsync(client, new
        {
            name = "neo-pages", platform = "neo-express", nodeCount = 1, consensus = "dbft", blockIntervalSeconds = 1, chainId = 4242422, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(120), "Running");
        var home = Path.Combine(portal.DataDirectory, "networks", id, "node-1");
        var file = JsonNode.Parse(await File.ReadAllTextAsync(NeoExpressFile.PathFor(home)))!;
        var genesis = file["consensus-nodes"]![0]!["wallet"]!["accounts"]![1]!["script-hash"]!.GetValue<string>();
        var output = await NeoExpress.Restored.RunAsync(home, ["transfer", "7", "GAS", "genesis", "node1", "-i", NeoExpressFile.PathFor(home)], CancellationToken.None);
        var txid = TransactionId().Match(output).Value;

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await ChainBrowser.NeoChainBrowserTests.WaitForBlockAsync(client, $"/api/v1/networks/{id}/chain/transactions/{txid}");
        await browser.GotoInteractiveAsync($"networks/{id}/chain/tx/{txid}");
        await browser.WaitForTextAsync("[data-testid=chain-tx-id]", txid);

        Assert.Equal(genesis, await browser.TextAsync("[data-testid=chain-sender]"));
        var transfer = await browser.TextAsync("[data-testid=chain-transfer]") ?? "";
        Assert.Contains("GAS", transfer, StringComparison.Ordinal);
        Assert.Contains("7.00000000", transfer, StringComparison.Ordinal);
        Assert.Empty(await browser.AccessibilityViolationsAsync());
        Assert.Empty(await browser.PageErrorsAsync());
    }

    [GeneratedRegex("0x[0-9a-f]{64}")]
    private static partial Regex TransactionId();
}
