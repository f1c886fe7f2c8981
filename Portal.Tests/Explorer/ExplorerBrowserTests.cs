using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

public sealed class ExplorerBrowserTests(ExplorerNetworkFixture fixture) : IClassFixture<ExplorerNetworkFixture>
{
    [BrowserFact]
    public async Task New_transactions_appear_live_and_search_leads_to_their_pages()
    {
        await using var browser = BrowserSession.Start(fixture.Portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{fixture.Chain.Id}/explorer");
        await browser.WaitForAsync($"[data-testid=tx-row][data-hash='{fixture.Transfer.TransactionHash}']");
        await browser.EvaluateAsync<object?>("window.__noReload = true");

        // A transaction sent now shows up without a reload, pushed by the indexer.
        var live = await fixture.Chain.TransferAsync(fixture.Recipient, 7_000_000_000_000_000);
        await browser.WaitForAsync($"[data-testid=tx-row][data-hash='{live.TransactionHash}']", timeoutMs: 30000);
        Assert.True(await browser.EvaluateAsync<bool>("window.__noReload === true"), "the page reloaded");

        // Nothing matches: said plainly, no navigation.
        await browser.FillAsync("#explorer-query", "not a thing");
        await browser.ClickAsync("[data-testid=search-button]");
        await browser.WaitForTextAsync("[data-testid=search-message]", "Nothing matches");

        // A transaction hash leads to the transaction page, with value, stages and call tree.
        await browser.FillAsync("#explorer-query", live.TransactionHash);
        await browser.ClickAsync("[data-testid=search-button]");
        await browser.WaitForTextAsync("[data-testid=tx-hash]", live.TransactionHash);
        Assert.Equal("0.007 ETH", await browser.TextAsync("[data-testid=tx-value]"));
        Assert.Equal("success", await browser.TextAsync("[data-testid=tx-status]"));
        // The trace (stages and call tree) loads after the transaction itself: wait for it, then count.
        await browser.WaitForAsync("[data-testid=trace-stage] >> nth=1");
        await browser.WaitForAsync("[data-testid=call-frame]");
        Assert.Equal(2, await browser.CountAsync("[data-testid=trace-stage]"));
        Assert.Equal(1, await browser.CountAsync("[data-testid=call-frame]"));

        // The failed creation explains itself.
        await browser.GotoInteractiveAsync($"networks/{fixture.Chain.Id}/explorer/tx/{fixture.Failed.TransactionHash}");
        await browser.WaitForTextAsync("[data-testid=revert-reason]", "nope");
        Assert.Equal("failed", await browser.TextAsync("[data-testid=tx-status]"));

        // A block number leads to the block page listing its transactions.
        await browser.FillAsync("#explorer-query", live.BlockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await browser.ClickAsync("[data-testid=search-button]");
        await browser.WaitForTextAsync("[data-testid=block-number]", $"Block {live.BlockNumber}");
        await browser.WaitForAsync($"[data-testid=block-transactions] [data-hash='{live.TransactionHash}']");

        // The recipient's address page lists the transfer in its history grid, loaded from the index.
        await browser.GotoInteractiveAsync($"networks/{fixture.Chain.Id}/explorer/address/{fixture.Recipient}");
        await browser.WaitForAsync($"[data-testid=address-transactions] [data-testid=tx-row][data-hash='{live.TransactionHash}']");

        // The traces page lists the network's transactions with per-stage percentiles.
        await browser.GotoInteractiveAsync("traces");
        await browser.WaitForAsync("[data-testid=stage-statistic][data-stage=included]");
        await browser.WaitForAsync($"[data-testid=trace-row][data-hash='{live.TransactionHash}']");
        Assert.Empty(await browser.PageErrorsAsync());
    }

    [BrowserFact]
    public async Task Blocks_and_traces_page_through_their_grids_and_traces_filter_by_status()
    {
        // Forty empty blocks and a dozen transfers: more blocks than one page of 15, more traces than one of 10.
        await fixture.Chain.Rpc.CallAsync<System.Text.Json.JsonElement?>("anvil_mine", ["0x28"]);
        RpcReceipt last = fixture.Transfer;
        for (var i = 0; i < 12; i++)
        {
            last = await fixture.Chain.TransferAsync(fixture.Recipient, 1_000 + i);
        }
        var height = (long)last.BlockNumber;
        await fixture.Chain.WaitForIndexedAsync(height, TimeSpan.FromSeconds(60));

        await using var browser = BrowserSession.Start(fixture.Portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{fixture.Chain.Id}/explorer");
        await browser.WaitForAsync($"[data-testid=block-row][data-number='{height}']");
        Assert.Equal(15, await browser.CountAsync("[data-testid=block-row]"));

        // The next page of blocks continues exactly where the first ended.
        await browser.ClickAsync("[data-testid=block-pager] button[aria-label='Next page']");
        await browser.WaitForAsync($"[data-testid=block-row][data-number='{height - 15}']");
        Assert.Equal(0, await browser.CountAsync($"[data-testid=block-row][data-number='{height}']"));
        Assert.Equal(15, await browser.CountAsync("[data-testid=block-row]"));

        // Traces: ten to a page, the newest first; the second page holds older ones.
        await browser.GotoInteractiveAsync("traces");
        await browser.WaitForAsync($"[data-testid=trace-row][data-hash='{last.TransactionHash}']");
        Assert.Equal(10, await browser.CountAsync("[data-testid=trace-row]"));
        await browser.ClickAsync("[data-testid=trace-pager] button[aria-label='Next page']");
        await browser.WaitForAsync($"[data-testid=trace-row][data-hash='{last.TransactionHash}']", "detached");
        Assert.True(await browser.CountAsync("[data-testid=trace-row]") > 0);

        // Filtering by status keeps only the failed creation; its waterfall opens beside the list.
        await browser.ClickAsync("[data-testid=trace-status]");
        await browser.ClickAsync(".mud-popover-open .mud-list-item >> text=failed");
        await browser.WaitForAsync($"[data-testid=trace-row][data-hash='{fixture.Failed.TransactionHash}']");
        await browser.WaitForAsync($"[data-testid=trace-row][data-hash='{fixture.Transfer.TransactionHash}']", "detached");
        Assert.Equal(1, await browser.CountAsync("[data-testid=trace-row]"));
        await browser.ClickAsync($"[data-testid=trace-row][data-hash='{fixture.Failed.TransactionHash}'] >> xpath=ancestor::tr/td[2]");
        await browser.WaitForAsync($"[data-testid=selected-trace][data-hash='{fixture.Failed.TransactionHash}'] [data-testid=trace-stage]");
        await browser.WaitForAsync("[data-testid=latency-histogram] [data-testid=histogram-total][data-count='1']", "attached");
        Assert.Empty(await browser.PageErrorsAsync());
    }
}
