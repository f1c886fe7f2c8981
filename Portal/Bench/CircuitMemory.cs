using System.Diagnostics;
using NutPortal.Core.Tooling;

namespace NutPortal.Web.Bench;

/// <summary>
/// Server memory per idle dashboard circuit: opens real circuits with Chromium (Portal/Bench/circuits-bench.mjs),
/// and compares the portal's managed heap and working set (after full, compacting collections) with all pages
/// open against before. Managed heap is what circuits retain; working set also counts the runtime's growth.
/// </summary>
internal static class CircuitMemory
{
    private const string Script = "Portal/Bench/circuits-bench.mjs";

    public static async Task MeasureAsync(BenchReport report, Uri portal, string password, int pages, CancellationToken ct)
    {
        var root = RepositoryLayout.NodeProjectRoot
            ?? throw new InvalidOperationException("node_modules not found: run `npm ci` in the repository root.");
        // One circuit first, so the one-off costs (component types, JIT, caches) are not counted per circuit.
        await WithPagesAsync(root, portal, password, 1, () => Task.CompletedTask, ct);
        var (heapBefore, setBefore) = Settle();
        (long Heap, long Set) open = default;
        var opening = Stopwatch.StartNew();
        await WithPagesAsync(root, portal, password, pages, async () =>
        {
            report.Figure($"push.circuits.{pages}.open", opening.Elapsed.TotalSeconds, "s");
            await Task.Delay(TimeSpan.FromSeconds(5), ct); // idle: first renders and chart loads are done
            open = Settle();
        }, ct);
        report.Figure($"push.circuit.managed_heap", (open.Heap - heapBefore) / 1024.0 / pages, "KB/circuit");
        report.Figure($"push.circuit.working_set", (open.Set - setBefore) / 1024.0 / pages, "KB/circuit");
    }

    private static (long Heap, long Set) Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: false), self.WorkingSet64);
    }

    private static async Task WithPagesAsync(string root, Uri portal, string password, int pages, Func<Task> whileOpen, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in new[] { Path.Combine(root, Script), portal.ToString(), "admin@nutportal.local", password, pages.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(argument);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(ct);
            if (line != "ready")
            {
                await process.WaitForExitAsync(ct);
                throw new InvalidOperationException($"{Script} failed: {await stderr}");
            }
            await whileOpen();
            await process.StandardInput.WriteLineAsync("done");
            await process.StandardInput.FlushAsync(ct);
            await process.WaitForExitAsync(ct);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
