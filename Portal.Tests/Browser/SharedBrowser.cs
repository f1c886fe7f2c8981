using NutPortal.Web.Bench;

namespace NutPortal.Tests.Browser;

/// <summary>
/// One Chromium process for the whole test run; every <see cref="BrowserSession"/> gets its own context in it
/// (own cookies, storage and connections), so sessions stay as isolated as separate browsers were, without paying
/// a browser start per test. A browser that crashed or was closed is replaced on the next session. It goes when the
/// test host exits: Playwright's driver ends with its parent and closes the browser.
/// </summary>
internal static class SharedBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static HeadlessChromium? _chromium;

    public static async Task<Microsoft.Playwright.IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_chromium is null || !_chromium.Browser.IsConnected)
            {
                if (_chromium is not null)
                {
                    await _chromium.DisposeAsync();
                }
                _chromium = await HeadlessChromium.LaunchAsync();
            }
            return _chromium.Browser;
        }
        finally
        {
            Gate.Release();
        }
    }
}
