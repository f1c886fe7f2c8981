using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Contracts.Testing.TestSuiteApi;

namespace NutPortal.Tests.Contracts.Testing;

public sealed class TestSuiteBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task The_erc20_suite_is_offered_runs_from_the_project_page_and_its_steps_turn_green_live()
    {
        var address = portal.Address; // starts the real server before the API client is made
        using var client = portal.CreateAdminClient();
        client.BaseAddress = address;
        var project = await CreateErc20ProjectAsync(client);

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"contracts/{project}");
        await browser.ClickAsync("[data-testid=add-template-suite]");
        await browser.WaitForAsync("[data-testid=suite-tab][data-name='ERC-20 basics']");
        // Record every run status the page shows, so the test sees the run progress without a reload.
        await browser.EvaluateAsync<bool>("""
            (() => {
                window.__statuses = [];
                new MutationObserver(() => {
                    const s = document.querySelector('[data-testid=run-status]')?.dataset.status;
                    if (s && window.__statuses[window.__statuses.length - 1] !== s) window.__statuses.push(s);
                }).observe(document.body, { subtree: true, childList: true, attributes: true });
                return true;
            })()
            """);
        await browser.ClickAsync("[data-testid=run-suite]");
        await browser.WaitForAsync("[data-testid=run-status][data-status=passed]", "attached", 90000);

        var steps = await browser.CountAsync("[data-testid=test-step]");
        Assert.Equal(16, steps);
        Assert.Equal(steps, await browser.CountAsync("[data-testid=test-step][data-outcome=passed]"));
        var statuses = await browser.EvaluateAsync<string[]>("window.__statuses");
        Assert.Contains("running", statuses);
        Assert.Equal("passed", statuses[^1]);
        Assert.Contains("As expected, it reverted: balance too low", await browser.TextAsync("[data-testid=test-step][data-index='8'] [data-testid=step-message]"), StringComparison.Ordinal);

        // An empty name is refused at the name field; the steps stay as they were.
        await browser.FillAsync("[data-testid=suite-name]", "");
        await browser.ClickAsync("[data-testid=save-suite]");
        Assert.Equal("A name of 1 to 128 characters is required.", await browser.FieldErrorAsync("[data-testid=suite-name]"));
        Assert.Equal(0, await browser.CountAsync("[data-testid=suite-error]"));
        await browser.FillAsync("[data-testid=suite-name]", "ERC-20 basics");

        // A typo is named by step and field when saving.
        await browser.FillAsync("[data-testid=suite-steps]", "[{\"type\": \"deploy\", \"contract\": \"Token\", \"args\": [\"a\", \"b\", \"1\"]}, {\"type\": \"call\", \"function\": \"totalSuply\"}]");
        await browser.ClickAsync("[data-testid=save-suite]");
        await browser.WaitForTextAsync("[data-testid=suite-error][data-field='steps[1].function']", "No function 'totalSuply'");

        // Deleting asks first: cancelling keeps the suite, confirming removes it.
        await browser.ClickAsync("[data-testid=delete-suite]");
        await browser.WaitForTextAsync("[data-testid=confirm-message]", "Delete the suite 'ERC-20 basics' and its runs?");
        await browser.ClickAsync("[data-testid=confirm-cancel]");
        await browser.WaitForAsync("[data-testid=confirm-dialog]", "detached");
        Assert.Equal(1, await browser.CountAsync("[data-testid=suite-tab][data-name='ERC-20 basics']"));
        await browser.ClickAsync("[data-testid=delete-suite]");
        await browser.ClickAsync("[data-testid=confirm-ok]");
        await browser.WaitForAsync("[data-testid=suite-tab][data-name='ERC-20 basics']", "detached");
    }
}
