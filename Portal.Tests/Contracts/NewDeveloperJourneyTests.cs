using System.Text.Json;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Contracts;

/// <summary>The contract center's promise to a new developer, end to end in one browser session (issue #7's done-when).</summary>
public sealed class NewDeveloperJourneyTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task Template_to_fixed_tested_scanned_deployed_token_whose_transfer_the_explorer_decodes()
    {
        var address = portal.Address; // starts the real server before the API client is made
        using var client = portal.CreateAdminClient();
        client.BaseAddress = address;
        var network = (await CreateAsync(client, Profile("journey"))).GetProperty("id").GetString()!;
        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        // Pick the ERC-20 template, break a line and see it underlined, then fix it.
        await browser.GotoInteractiveAsync("contracts");
        await browser.ClickAsync("[data-testid=template][data-id=erc20] [data-testid=use-template]");
        await browser.WaitForInteractiveAsync();
        await browser.WaitForAsync("[data-testid=compile-state][data-state=ok]", "attached", 60000);
        var line = await EditAsync(browser, "balanceOf[to] += value;", "balanceOf[to] += valu;");
        await browser.WaitForAsync($"[data-testid=diagnostic][data-severity=error][data-line='{line}']", "visible", 30000);
        Assert.Contains(line, await browser.EvaluateAsync<int[]>("monaco.editor.getModelMarkers({ owner: 'solc' }).map(m => m.startLineNumber)"));
        await EditAsync(browser, "balanceOf[to] += valu;", "balanceOf[to] += value;");
        await browser.WaitForAsync("[data-testid=compile-state][data-state=ok]", "attached", 30000);
        await browser.FillAsync("#projectName", "Journey token");
        await browser.ClickAsync("[data-testid=save-version]");
        await browser.WaitForAsync("[data-testid=version-row][data-number='1']");
        await browser.WaitForInteractiveAsync();

        // Its ready test suite runs green.
        await browser.ClickAsync("[data-testid=add-template-suite]");
        await browser.WaitForAsync("[data-testid=suite-tab][data-name='ERC-20 basics']");
        await browser.ClickAsync("[data-testid=run-suite]");
        await browser.WaitForAsync("[data-testid=run-status][data-status=passed]", "attached", 120000);
        Assert.Equal(await browser.CountAsync("[data-testid=test-step]"), await browser.CountAsync("[data-testid=test-step][data-outcome=passed]"));

        // Scan it.
        await browser.ClickAsync("[data-testid=security] [data-testid=scan]");
        await browser.WaitForTextAsync("[data-testid=security] [data-testid=scan-status]", "finding(s)", 60000);

        // Deploy it to the anvil network and transfer tokens from the generated form.
        await WaitForAsync(client, network, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        await browser.GotoInteractiveAsync((await browser.UrlAsync()).Replace(address.ToString(), "", StringComparison.Ordinal));
        await browser.WaitForAsync("[data-testid=deploy-panel] [data-testid=constructor-argument] >> nth=2");
        await browser.FillAsync("[data-testid=constructor-argument] >> nth=0", "Journey");
        await browser.FillAsync("[data-testid=constructor-argument] >> nth=1", "JRN");
        await browser.FillAsync("[data-testid=constructor-argument] >> nth=2", "500");
        await browser.ClickAsync("[data-testid=deploy]");
        await browser.WaitForAsync("[data-testid=contract-address]", timeoutMs: 30000);
        const string recipient = "0x00000000000000000000000000000000000000b0";
        await browser.FillAsync("[data-testid=function][data-name=transfer] [data-testid=argument] >> nth=0", recipient);
        await browser.FillAsync("[data-testid=function][data-name=transfer] [data-testid=argument] >> nth=1", "42");
        await browser.ClickAsync("[data-testid=function][data-name=transfer] [data-testid=invoke]");
        await browser.WaitForTextAsync("[data-testid=function][data-name=transfer] [data-testid=tx-status]", "succeeded", 30000);

        // The blockchain browser shows the transaction's decoded Transfer event (once the indexer has it).
        await browser.ClickAsync("[data-testid=function][data-name=transfer] [data-testid=tx-link]");
        await browser.WaitForAsync("[data-testid=tx-hash]", "visible", 30000);
        var transfer = await WaitForEventAsync(browser);
        Assert.Contains("\"value\":\"42\"", transfer, StringComparison.Ordinal);
        Assert.Contains(recipient, transfer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("transfer(address,uint256)", await browser.TextAsync("[data-testid=tx-call]"), StringComparison.Ordinal);
    }

    /// <summary>The explorer page may have been opened before the indexer stored the block: reload until the event shows.</summary>
    private static async Task<string> WaitForEventAsync(BrowserSession browser)
    {
        var url = await browser.UrlAsync();
        for (var attempt = 0; attempt < 30 && await browser.CountAsync("[data-testid=tx-event][data-name=Transfer]") == 0; attempt++)
        {
            await Task.Delay(1000);
            await browser.GotoAsync(url);
        }
        return await browser.TextAsync("[data-testid=tx-event][data-name=Transfer]") ?? "";
    }

    /// <summary>Edits the editor's model as typing would and returns the 1-based line.</summary>
    private static Task<int> EditAsync(BrowserSession browser, string from, string to) => browser.EvaluateAsync<int>($$"""
        (() => {
            const model = monaco.editor.getModels()[0];
            const match = model.findMatches({{JsonSerializer.Serialize(from)}}, false, false, true, null, false)[0];
            model.pushEditOperations([], [{ range: match.range, text: {{JsonSerializer.Serialize(to)}} }], () => null);
            return match.range.startLineNumber;
        })()
        """);
}
