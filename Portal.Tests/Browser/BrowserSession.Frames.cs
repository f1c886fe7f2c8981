using Microsoft.Playwright;

namespace NutPortal.Tests.Browser;

/// <summary>Steps inside an iframe of the page (a DApp's sandboxed front end), found by the iframe's selector.</summary>
public sealed partial class BrowserSession
{
    public Task FrameClickAsync(string frame, string selector) =>
        RunAsync("frame click", page => page.FrameLocator(frame).Locator(selector).ClickAsync());

    public Task FrameFillAsync(string frame, string selector, string value) =>
        RunAsync("frame fill", page => page.FrameLocator(frame).Locator(selector).FillAsync(value));

    public Task FrameWaitForTextAsync(string frame, string selector, string text, int timeoutMs = DefaultTimeoutMs) =>
        RunAsync("frame waitForText", page => page.FrameLocator(frame).Locator(selector).Filter(new() { HasText = text }).First
            .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = timeoutMs }));

    public Task<string?> FrameTextAsync(string frame, string selector) =>
        RunAsync("frame text", async page => (await page.FrameLocator(frame).Locator(selector).TextContentAsync())?.Trim());

    /// <summary>Evaluates <paramref name="expression"/> in the frame's own page (its script world, its origin).</summary>
    public Task<T> FrameEvaluateAsync<T>(string frame, string expression) => RunAsync("frame evaluate", async page =>
    {
        var element = await page.WaitForSelectorAsync(frame) ?? throw new PlaywrightException($"No frame {frame}.");
        var content = await element.ContentFrameAsync() ?? throw new PlaywrightException($"{frame} has no document.");
        return await content.EvaluateAsync<T>(expression);
    });
}
