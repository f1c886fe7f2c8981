using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Contracts;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Contracts;

public sealed class ContractEditorBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    private const string Good = "balanceOf[from] -= value;";
    private const string Broken = "balanceOf[form] -= value;";
    private const string Approve = "    function approve(";

    // Pays out before zeroing the balance: the textbook reentrancy the scanner must flag.
    private const string Withdraw = """
            function withdraw() external {
                uint256 amount = balanceOf[msg.sender];
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok);
                balanceOf[msg.sender] = 0;
            }

        """;

    // A library for the two-file project, and beside it a vault that pays out before its bookkeeping.
    private const string MathFile = """
        // SPDX-License-Identifier: MIT
        pragma solidity ^0.8.20;
        library MathLib { function twice(uint x) internal pure returns (uint) { return x * 2; } }
        contract Vault {
            mapping(address => uint256) public credit;
            function withdraw() external {
                uint256 amount = credit[msg.sender];
                (bool ok, ) = msg.sender.call{value: amount}("");
                require(ok);
                credit[msg.sender] = 0;
            }
        }
        """;

    [BrowserFact]
    public async Task A_typo_in_the_erc20_template_is_underlined_at_its_line_and_fixing_it_clears_it()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("contracts");
        await browser.ClickAsync("[data-testid=template][data-id=erc20] [data-testid=use-template]");
        await browser.WaitForInteractiveAsync();
        await browser.WaitForAsync("[data-testid=compile-state][data-state=ok]", "attached", 60000);
        await browser.WaitForAsync("[data-testid=compiled-contract][data-name=Token]");

        var line = await ReplaceAsync(browser, Good, Broken);
        await browser.WaitForAsync("[data-testid=compile-state][data-state=errors]", "attached", 30000);
        var markers = await MarkerLinesAsync(browser);
        await browser.WaitForAsync($"[data-testid=diagnostic][data-severity=error][data-line='{line}']");

        Assert.Contains(line, markers);
        await ReplaceAsync(browser, Broken, Good);
        await browser.WaitForAsync("[data-testid=compile-state][data-state=ok]", "attached", 30000);
        Assert.Empty(await MarkerLinesAsync(browser));
        Assert.Equal(1, await browser.CountAsync("[data-testid=no-diagnostics]"));

        // The security scan runs in the background; its findings arrive live and are marked on their lines.
        await ReplaceAsync(browser, Approve, Withdraw + Approve);
        await browser.WaitForTextAsync("[data-testid=compiled-contract][data-name=Token]", "withdraw()", 30000);
        await browser.ClickAsync("[data-testid=scan]");
        await browser.WaitForTextAsync("[data-testid=scan-status]", "finding(s)", 30000);
        var reentrancy = await browser.EvaluateAsync<int>("+document.querySelector('[data-testid=finding][data-category=reentrancy]').dataset.line");
        var withdrawLine = await browser.EvaluateAsync<int>("monaco.editor.getModels()[0].findMatches('function withdraw', false, false, true, null, false)[0].range.startLineNumber");
        Assert.InRange(reentrancy, withdrawLine, withdrawLine + 5);
        Assert.Contains(reentrancy, await MarkerLinesAsync(browser, "scan"));
        Assert.True(await browser.CountAsync("[data-testid=risks] [data-testid=risk][data-function=withdraw]") == 1, "The model's ranking lists withdraw once.");

        // Saved as a project, the source is readable per version.
        await browser.FillAsync("#projectName", "Browser token");
        await browser.ClickAsync("[data-testid=save-version]");
        await browser.WaitForAsync("[data-testid=version-row][data-number='1']");

        // The saved version is scanned from the project page, and the deploy gate is switched on there.
        await browser.WaitForInteractiveAsync();
        await browser.ClickAsync("[data-testid=security] [data-testid=scan]");
        await browser.WaitForAsync("[data-testid=security] [data-testid=finding][data-category=reentrancy]", "visible", 30000);
        await browser.ClickAsync("[data-testid=deploy-gate]");
        var projectId = (await browser.UrlAsync()).Split('/')[^1];
        await Eventually.HoldsAsync(async () => (await portal.Services.GetRequiredService<ContractProjects>().GetAsync(projectId))?.BlockDeployOnHighFindings == true,
            "The deploy gate did not turn on within 15 s.", TimeSpan.FromSeconds(15));
        await browser.ClickAsync("[data-testid=version-row] a");
        await browser.WaitForTextAsync("[data-testid=version-source]", "contract Token");
    }

    [BrowserFact]
    public async Task A_project_of_two_files_compiles_together_is_saved_with_both_and_reopens_with_both()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("contracts/editor");
        await browser.WaitForAsync("[data-testid=compile-state][data-state=ok]", "attached", 60000);

        await browser.FillAsync("[data-testid=new-file-name]", "../evil.sol");
        await browser.ClickAsync("[data-testid=add-file]");
        Assert.Contains("not a usable file name", await browser.FieldErrorAsync("[data-testid=new-file-name]"), StringComparison.Ordinal);
        await browser.FillAsync("[data-testid=new-file-name]", "lib/Math.sol");
        await browser.ClickAsync("[data-testid=add-file]");
        await browser.WaitForAsync("[data-testid=file-tab][data-name='lib/Math.sol'][aria-selected=true]");
        await SetActiveTextAsync(browser, MathFile);
        await browser.ClickAsync("[data-testid=file-tab][data-name='Contract.sol']");
        // The tab turns active only after the editor has switched models, so the next edit lands in Contract.sol.
        await browser.WaitForAsync("[data-testid=file-tab][data-name='Contract.sol'][aria-selected=true]");
        await SetActiveTextAsync(browser, "// SPDX-License-Identifier: MIT\npragma solidity ^0.8.20;\nimport \"./lib/Math.sol\";\ncontract Calc { function four() external pure returns (uint) { return MathLib.twice(2); } }\n");
        await browser.WaitForAsync("[data-testid=compiled-contract][data-name=Calc]", "visible", 30000);

        // The scan compiles both files together; the reentrancy in lib/Math.sol is listed and marked in that file.
        await browser.ClickAsync("[data-testid=scan]");
        await browser.WaitForTextAsync("[data-testid=scan-status]", "finding(s)", 30000);
        var finding = "[data-testid=finding][data-category=reentrancy][data-file='lib/Math.sol']";
        await browser.WaitForAsync(finding);
        var line = await browser.EvaluateAsync<int>($"+document.querySelector(\"{finding}\").dataset.line");
        Assert.InRange(line, 5, 10);
        Assert.Contains(line, await ScanMarkerLinesAsync(browser, "lib/Math.sol"));
        Assert.Empty(await ScanMarkerLinesAsync(browser, "Contract.sol"));

        // Unnamed, the project is not created: the name field says why.
        await browser.ClickAsync("[data-testid=save-version]");
        Assert.Equal("A name of 1 to 128 characters is required.", await browser.FieldErrorAsync("#projectName"));
        await browser.FillAsync("#projectName", "Two files");
        await browser.ClickAsync("[data-testid=save-version]");
        await browser.WaitForAsync("[data-testid=version-row][data-number='1']");
        await browser.ClickAsync("[data-testid=edit-project]");
        await browser.WaitForAsync("[data-testid=file-tab][data-name='lib/Math.sol']");

        Assert.Equal(2, await browser.CountAsync("[data-testid=file-tab]"));
    }

    private static Task<int[]> ScanMarkerLinesAsync(BrowserSession browser, string file) =>
        browser.EvaluateAsync<int[]>($"monaco.editor.getModelMarkers({{ owner: 'scan', resource: monaco.Uri.parse('inmemory://project/{file}') }}).map(m => m.startLineNumber)");

    private static async Task SetActiveTextAsync(BrowserSession browser, string text) =>
        await browser.EvaluateAsync<object?>($"(() => {{ monaco.editor.getEditors()[0].getModel().setValue({JsonSerializer.Serialize(text)}); return null; }})()");

    /// <summary>Edits the model as typing would (an edit operation, not setValue) and returns the 1-based line.</summary>
    private static async Task<int> ReplaceAsync(BrowserSession browser, string from, string to)
    {
        var script = $$"""
            (() => {
                const model = monaco.editor.getModels()[0];
                const match = model.findMatches({{JsonSerializer.Serialize(from)}}, false, false, true, null, false)[0];
                model.pushEditOperations([], [{ range: match.range, text: {{JsonSerializer.Serialize(to)}} }], () => null);
                return match.range.startLineNumber;
            })()
            """;
        return await browser.EvaluateAsync<int>(script);
    }

    private static Task<int[]> MarkerLinesAsync(BrowserSession browser, string owner = "solc") =>
        browser.EvaluateAsync<int[]>($"monaco.editor.getModelMarkers({{ owner: '{owner}' }}).filter(m => m.severity === monaco.MarkerSeverity.Error).map(m => m.startLineNumber)");
}
