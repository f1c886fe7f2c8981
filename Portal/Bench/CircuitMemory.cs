using System.Diagnostics;
using Microsoft.Playwright;

namespace NutPortal.Web.Bench;

/// <summary>
/// Server memory per idle dashboard circuit: opens real circuits with Chromium (Microsoft.Playwright), and compares
/// the portal's managed heap and working set (after full, compacting collections) with all pages open against
/// before. Managed heap is what circuits retain; working set also counts the runtime's growth.
/// Playwright's client lives in this process too and keeps objects per page (page, frame, navigation response):
/// the same number of pages on the static sign-in page (no circuit) measures that, and it is taken off.
/// </summary>
internal static class CircuitMemory
{
    private const int Timeout = 60000;

    public static async Task MeasureAsync(BenchReport report, Uri portal, string password, int pages, CancellationToken ct)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync("--renderer-process-limit=4");
        // One circuit first, so the one-off costs (component types, JIT, caches) are not counted per circuit.
        await using (var warm = await SignInAsync(chromium.Browser, portal, password))
        {
            await OpenDashboardsAsync(warm, portal, 1);
        }
        var client = await PlaywrightClientPerPageAsync(chromium.Browser, portal, pages, ct);
        report.Figure("push.circuit.playwright_client_heap", client.Heap / 1024.0, "KB/page");

        var (heapBefore, setBefore) = Settle();
        var opening = Stopwatch.StartNew();
        await using var context = await SignInAsync(chromium.Browser, portal, password);
        await OpenDashboardsAsync(context, portal, pages);
        report.Figure($"push.circuits.{pages}.open", opening.Elapsed.TotalSeconds, "s");
        await Task.Delay(TimeSpan.FromSeconds(5), ct); // idle: first renders and chart loads are done
        var (heapOpen, setOpen) = Settle();
        var heapPerPage = (heapOpen - heapBefore) / (double)pages;
        report.Figure("push.circuit.managed_heap_with_client", heapPerPage / 1024.0, "KB/circuit");
        report.Figure("push.circuit.managed_heap", (heapPerPage - client.Heap) / 1024.0, "KB/circuit");
        report.Figure("push.circuit.working_set", ((setOpen - setBefore) / (double)pages - client.Set) / 1024.0, "KB/circuit");
    }

    /// <summary>What Playwright's own objects cost this process per open page: pages on the static sign-in page.</summary>
    private static async Task<(double Heap, double Set)> PlaywrightClientPerPageAsync(IBrowser browser, Uri portal, int pages, CancellationToken ct)
    {
        var (heapBefore, setBefore) = Settle();
        await using var context = await browser.NewContextAsync();
        for (var i = 0; i < pages; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(portal, "account/login").ToString(), new() { WaitUntil = WaitUntilState.Load, Timeout = Timeout });
        }
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var (heap, set) = Settle();
        return ((heap - heapBefore) / (double)pages, (set - setBefore) / (double)pages);
    }

    /// <summary>A browser context signed in as the admin, its one page on the home dashboard.</summary>
    private static async Task<IBrowserContext> SignInAsync(IBrowser browser, Uri portal, string password)
    {
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal, "account/login").ToString());
        await page.FillAsync("#email", "admin@nutportal.local");
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-testid=welcome-name]");
        return context;
    }

    /// <summary>
    /// Brings the context to <paramref name="count"/> dashboard pages, each waiting until its circuit is interactive.
    /// The signed-in page stays open as the first: closing a context's last page ends its session cookie.
    /// </summary>
    private static async Task OpenDashboardsAsync(IBrowserContext context, Uri portal, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var page = i < context.Pages.Count ? context.Pages[i] : await context.NewPageAsync();
            if (i > 0)
            {
                await page.GotoAsync(portal.ToString(), new() { WaitUntil = WaitUntilState.Load });
            }
            try
            {
                await page.WaitForSelectorAsync("[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
            }
            catch (Exception ex) when (ex is PlaywrightException or TimeoutException) // Playwright's timeouts are System.TimeoutException
            {
                var blazor = await page.EvaluateAsync<string>("typeof Blazor");
                throw new InvalidOperationException($"Dashboard page {i} did not become interactive (Blazor: {blazor}, url: {page.Url}): {ex.Message}", ex);
            }
        }
    }

    private static (long Heap, long Set) Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), self.WorkingSet64);
    }
}
