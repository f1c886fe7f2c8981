using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NutPortal.Tests.Browser;

/// <summary>
/// A real headless Chromium page (Debian's, driven by Microsoft.Playwright) in a browser context of its own.
/// A failed call throws <see cref="BrowserCommandException"/> with Playwright's message and a screenshot path to look at.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private const int DefaultTimeoutMs = 15000;
    private readonly Lazy<Task<IPage>> _page;
    private readonly List<string> _pageErrors = [];
    private IBrowserContext? _context;

    private BrowserSession(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        _page = new(OpenPageAsync);
    }

    public Uri BaseAddress { get; }

    public static bool ChromiumAvailable => Web.Bench.HeadlessChromium.Available;

    /// <summary>A session on <paramref name="baseAddress"/>; its page opens with the first call.</summary>
    public static BrowserSession Start(Uri baseAddress) => new(baseAddress);

    public Task<int?> GotoAsync(string relative) => RunAsync("goto", async page =>
        (await page.GotoAsync(new Uri(BaseAddress, relative).ToString(), new() { WaitUntil = WaitUntilState.Load }))?.Status);

    /// <summary>Opens an interactive page and waits until its circuit is connected, so input is not lost.</summary>
    public async Task GotoInteractiveAsync(string relative)
    {
        await GotoAsync(relative);
        await WaitForInteractiveAsync();
    }

    public Task WaitForInteractiveAsync() => WaitForAsync("[data-interactive=true]", "attached");

    public Task<string> UrlAsync() => RunAsync("url", page => Task.FromResult(page.Url));

    public Task ClickAsync(string selector) => RunAsync("click", page => page.ClickAsync(selector));

    public Task FillAsync(string selector, string value) => RunAsync("fill", page => page.FillAsync(selector, value));

    public Task CheckAsync(string selector) => RunAsync("check", page => page.CheckAsync(selector));

    public Task<string?> TextAsync(string selector) => RunAsync("text", async page => (await page.TextContentAsync(selector))?.Trim());

    public Task<int> CountAsync(string selector) => RunAsync("count", page => page.Locator(selector).CountAsync());

    /// <summary>Waits for <paramref name="selector"/> to be in <paramref name="state"/>: visible, hidden, attached or detached.</summary>
    public Task WaitForAsync(string selector, string state = "visible", int timeoutMs = DefaultTimeoutMs) =>
        RunAsync("waitFor", page => page.WaitForSelectorAsync(selector, new()
        {
            State = Enum.Parse<WaitForSelectorState>(state, ignoreCase: true),
            Timeout = timeoutMs,
        }));

    /// <summary>Opens the MudSelect matching <paramref name="selector"/> (its data-testid: a chosen value hides the InputId's input) and clicks the option whose text is exactly <paramref name="option"/>.</summary>
    public async Task ChooseAsync(string selector, string option)
    {
        await ClickAsync(selector);
        await ClickAsync($".mud-popover-open .mud-list-item >> text=\"{option}\"");
        await WaitForAsync(".mud-popover-open", "detached");
    }

    /// <summary>Waits until the input matching <paramref name="selector"/> holds <paramref name="value"/> (a MudSelect's InputId input holds the chosen value).</summary>
    public Task WaitForValueAsync(string selector, string value, int timeoutMs = DefaultTimeoutMs) =>
        RunAsync("waitForValue", page => page.WaitForFunctionAsync(
            "([s, v]) => document.querySelector(s)?.value === v", new[] { selector, value }, new() { Timeout = timeoutMs }));

    /// <summary>
    /// Waits until the input matching <paramref name="selector"/> is marked invalid and returns the message that
    /// describes it (its aria-describedby element: what MudBlazor shows under the field and a screen reader reads).
    /// </summary>
    public async Task<string> FieldErrorAsync(string selector, int timeoutMs = DefaultTimeoutMs)
    {
        var invalid = selector + "[aria-invalid=true]";
        await WaitForAsync(invalid, "attached", timeoutMs);
        return await RunAsync("fieldError", page => page.EvaluateAsync<string>(
            "s => { const i = document.querySelector(s); return document.getElementById(i.getAttribute('aria-describedby'))?.textContent.trim() ?? ''; }", invalid));
    }

    public Task WaitForTextAsync(string selector, string text, int timeoutMs = DefaultTimeoutMs) =>
        RunAsync("waitForText", page => page.WaitForFunctionAsync(
            "([s, t]) => [...document.querySelectorAll(s)].some(e => e.textContent.includes(t))",
            new[] { selector, text },
            new() { Timeout = timeoutMs }));

    /// <summary>
    /// Waits until the page's address matches <paramref name="pattern"/> (a regular expression over the whole URL). It
    /// polls the address instead of waiting for a navigation event: Blazor navigates in the document (pushState), and
    /// Playwright's WaitForURL, waiting for such a navigation "until Load", once missed one that had already happened.
    /// </summary>
    public Task WaitForUrlAsync(string pattern, int timeoutMs = DefaultTimeoutMs)
    {
        _ = new Regex(pattern); // a bad pattern fails here, in .NET's words, not as a timeout
        return RunAsync("waitForUrl", page => page.WaitForFunctionAsync(
            "p => new RegExp(p).test(location.href)", pattern, new() { Timeout = timeoutMs, PollingInterval = 50 }));
    }

    public Task<T> EvaluateAsync<T>(string expression) => RunAsync("evaluate", page => page.EvaluateAsync<T>(expression));

    /// <summary>The uncaught script errors the page raised since the last call.</summary>
    public Task<string[]> PageErrorsAsync()
    {
        lock (_pageErrors)
        {
            var errors = _pageErrors.ToArray();
            _pageErrors.Clear();
            return Task.FromResult(errors);
        }
    }

    /// <summary>Signs in through the real sign-in form and waits for the dashboard.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("account/login");
        await FillAsync("#email", email);
        await FillAsync("#password", password);
        await ClickAsync("[data-testid=sign-in]");
        await WaitForAsync("[data-testid=welcome-name]");
        await WaitForInteractiveAsync();
    }

    private async Task<IPage> OpenPageAsync()
    {
        var browser = await SharedBrowser.GetAsync();
        _context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        _context.SetDefaultTimeout(DefaultTimeoutMs);
        var page = await _context.NewPageAsync();
        page.PageError += (_, error) =>
        {
            lock (_pageErrors)
            {
                _pageErrors.Add(error);
            }
        };
        return page;
    }

    private async Task RunAsync(string op, Func<IPage, Task> action) => await RunAsync(op, async page =>
    {
        await action(page);
        return true;
    });

    private async Task<T> RunAsync<T>(string op, Func<IPage, Task<T>> action)
    {
        var page = await _page.Value;
        try
        {
            return await action(page);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException) // Playwright's timeouts are System.TimeoutException
        {
            var shot = Path.Combine(Path.GetTempPath(), $"nutportal-failure-{Guid.NewGuid():N}.png");
            await TryScreenshotAsync(page, shot);
            throw new BrowserCommandException($"{op} failed: {ex.Message} (screenshot: {shot})", ex);
        }
    }

    private static async Task TryScreenshotAsync(IPage page, string path)
    {
        try
        {
            await page.ScreenshotAsync(new() { Path = path, FullPage = true, Timeout = 10000 });
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            // The screenshot is a debugging aid only.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            try
            {
                await _context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // The browser is already gone.
            }
        }
    }
}

public sealed class BrowserCommandException : Exception
{
    public BrowserCommandException(string message)
        : base(message)
    {
    }

    public BrowserCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
