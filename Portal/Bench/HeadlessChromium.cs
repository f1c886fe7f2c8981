using Microsoft.Playwright;

namespace NutPortal.Web.Bench;

/// <summary>
/// Debian's Chromium driven by Microsoft.Playwright, for <c>bench push</c> and the browser tests: the one place that
/// knows the executable (<c>CHROMIUM_PATH</c> overrides <c>/usr/bin/chromium</c>), its switches (without them it
/// keeps reaching for the network) and which Node runs Playwright's driver. Playwright gives every launch a fresh,
/// temporary user-data directory and removes it on close.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    // Headless = true adds --headless; the rest are PLATFORM.md's switches and two the old Node bridge needed.
    private static readonly string[] Switches =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
    ];

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Available => File.Exists(ExecutablePath);

    public static async Task<HeadlessChromium> LaunchAsync(params string[] extraSwitches)
    {
        UseSystemNode();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = [.. Switches, .. extraSwitches],
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The build copies Playwright's driver without the Node binaries its package ships for every platform
    /// (Portal/Build/Bench.targets); it runs on the machine's Node (needed for npm anyway) unless
    /// <c>PLAYWRIGHT_NODEJS_PATH</c> names another.
    /// </summary>
    private static void UseSystemNode()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH")))
        {
            return;
        }
        var node = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Playwright's driver needs Node: install nodejs or set PLAYWRIGHT_NODEJS_PATH.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_NODEJS_PATH", node);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser.IsConnected)
        {
            await Browser.CloseAsync();
        }
        _playwright.Dispose();
    }
}
