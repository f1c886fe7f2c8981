using System.Text.RegularExpressions;

namespace NutPortal.Tests.Browser;

/// <summary>The browser helper itself, on markup the test writes (no portal): what a failing browser test reports.</summary>
public sealed partial class BrowserSessionTests
{
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/");

    [BrowserFact]
    public async Task The_accessibility_check_reports_an_input_without_a_label()
    {
        await using var browser = BrowserSession.Start(Nowhere);
        await browser.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Transfer</title></head>
            <body><main><h1>Transfer</h1><input id="amount" type="text"><button>Send</button></main></body></html>
            """);

        var violations = await browser.AccessibilityViolationsAsync();

        var unlabelled = Assert.Single(violations, v => v.Id == "label");
        Assert.Equal(["#amount"], unlabelled.Targets);
        Assert.Contains(unlabelled.Impact, new[] { "serious", "critical" });
    }

    [BrowserFact]
    public async Task A_failed_step_names_the_step_and_leaves_a_screenshot()
    {
        await using var browser = BrowserSession.Start(Nowhere);
        await browser.SetContentAsync("<p>nothing to wait for</p>");

        var failure = await Assert.ThrowsAsync<BrowserCommandException>(() => browser.WaitForAsync("#missing", timeoutMs: 500));

        Assert.StartsWith("waitFor failed:", failure.Message, StringComparison.Ordinal);
        var screenshot = ScreenshotPath().Match(failure.Message);
        Assert.True(screenshot.Success, failure.Message);
        Assert.True(File.Exists(screenshot.Groups[1].Value), $"no screenshot at {screenshot.Groups[1].Value}");
        File.Delete(screenshot.Groups[1].Value);
    }

    [BrowserFact]
    public async Task Script_errors_of_the_page_are_collected_once()
    {
        await using var browser = BrowserSession.Start(Nowhere);
        await browser.SetContentAsync("<script>throw new Error('boom in the page')</script>");

        Assert.Contains(await browser.PageErrorsAsync(), e => e.Contains("boom in the page", StringComparison.Ordinal));
        Assert.Empty(await browser.PageErrorsAsync());
    }

    [GeneratedRegex(@"\(screenshot: (.+\.png)\)")]
    private static partial Regex ScreenshotPath();
}
