using System.Net.Http.Json;
using System.Text.Json;
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
        Assert.Equal(1, await browser.CountAsync("[data-testid=upgrade-node]")); // anvil hardforks; no resync on a one-node chain
        Assert.Equal(0, await browser.CountAsync("[data-testid=resync-node]"));
    }

    [BrowserFact]
    public async Task A_litecoin_network_of_three_nodes_is_created_from_the_same_form()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("networks/new");
        await browser.WaitForAsync("[data-testid=network-form]");

        // Choosing the platform changes the form: its consensus, no Ethereum hardfork or funded accounts.
        await browser.ChooseAsync("[data-testid=select-platform]", "Litecoin (regtest)");
        await browser.WaitForValueAsync("#consensus", "pow");
        Assert.Equal(0, await browser.CountAsync("#hardfork"));
        Assert.Equal(0, await browser.CountAsync("#accounts-count"));
        Assert.Equal(0, await browser.CountAsync("#blockGasLimit"));  // Ethereum's gas limit is not Litecoin's block size
        Assert.Equal("UTXO (unspent transaction outputs)", await browser.TextAsync("[data-testid=platform-facts] [data-fact=account-model]"));
        await browser.FillAsync("#name", "form litecoin");
        await browser.FillAsync("#nodeCount", "3");
        await browser.FillAsync("#litecoin-miningNodes", "1, 2");
        await browser.FillAsync("#litecoin-blockMaxWeight", "2000000");
        await browser.ClickAsync("[data-testid=create-network]");

        await browser.WaitForAsync("[data-testid=network-name]");
        var id = (await browser.UrlAsync()).Split('/')[^1];
        using (var client = portal.CreateAdminClient())
        {
            client.BaseAddress = portal.Address;
            var profile = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}")).GetProperty("profile").GetProperty("litecoin");
            Assert.Equal([1, 2], profile.GetProperty("miningNodes").EnumerateArray().Select(n => n.GetInt32()));
            Assert.Equal(2_000_000, profile.GetProperty("blockMaxWeight").GetInt32());
        }
        await browser.WaitForTextAsync("[data-testid=network-status]", "Running", 90000);
        Assert.Equal(3, await browser.CountAsync("[data-testid=node-row]"));
        // The nodes follow node-1's blocks: all three rows show one height past the verify step's block 1.
        const string heights = "//*[@data-testid='node-height']";
        await browser.WaitForAsync($"xpath=//*[@data-testid='node-table'][count(.{heights}) = 3][number(({heights})[1]) > 1][not(.{heights}[. != ({heights})[1]])]", timeoutMs: 30000);
        // Litecoin's node operations, not Ethereum's: resync is offered, a hardfork upgrade is not and none is shown.
        Assert.Equal(3, await browser.CountAsync("[data-testid=resync-node]"));
        Assert.Equal(0, await browser.CountAsync("[data-testid=upgrade-node]"));
        Assert.DoesNotContain("prague", await browser.TextAsync("[data-testid=node-table]"), StringComparison.OrdinalIgnoreCase);
        // Each node peers with the other two, and the page says so; the platform status shows the network's miners.
        await browser.WaitForAsync("xpath=//*[@data-testid='node-table'][count(.//*[@data-testid='node-peers'][number(.) >= 2]) = 3]", timeoutMs: 30000);
        Assert.Equal(3, await browser.CountAsync("[data-testid=node-mempool]"));
        Assert.Equal("Proof of work (Scrypt), longest chain by work", await browser.TextAsync("[data-testid=platform-facts][data-platform=litecoin] [data-fact=consensus]"));
        Assert.Equal("= 1, 2", await browser.TextAsync("[data-parameter='litecoin.miningNodes'] [data-testid=parameter-value]"));
        Assert.Equal(0, await browser.CountAsync("#rt-gas"));  // the interval changes at run time; Ethereum's gas limit is not offered
    }
}
