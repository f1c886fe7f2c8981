using System.Diagnostics;
using System.Net.Http.Headers;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// Starts the portal on loopback with a throw-away SQLite database and measures authenticated API calls
/// (bearer token lookup, identity, JSON) and the health probe, with 8 concurrent clients.
/// </summary>
internal sealed class ApiBenchSuite : IBenchSuite
{
    private const int Concurrency = 8;

    public string Name => "api";

    public string Description => "requests/s and latency of GET /api/v1/me (bearer token) and /healthz";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var requests = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 4000;
        // Without the token principal cache first (every request looks the token, user and roles up), then with it.
        await MeasurePortalAsync(report, requests, "api.me_uncached", cacheSeconds: 0, healthz: false, ct);
        await MeasurePortalAsync(report, requests, "api.me", cacheSeconds: 30, healthz: true, ct);
    }

    private static async Task MeasurePortalAsync(BenchReport report, int requests, string name, int cacheSeconds, bool healthz, CancellationToken ct)
    {
        await using var portal = await BenchPortal.StartAsync(ct, "--Portal:Workers:Enabled=false", $"--Portal:Http:TokenPrincipalCacheSeconds={cacheSeconds}");
        var app = portal.App;
        var token = portal.Token;
        using var client = portal.CreateClient();
        await MeasureAsync(report, client, name, "/api/v1/me", requests, ct);
        if (healthz)
        {
            await MeasureAsync(report, client, "api.healthz", "/healthz", requests, ct);
        }
    }

    private static async Task MeasureAsync(BenchReport report, HttpClient client, string name, string path, int requests, CancellationToken ct)
    {
        for (var i = 0; i < 50; i++)
        {
            (await client.GetAsync(path, ct)).EnsureSuccessStatusCode();
        }
        var latencies = new double[requests];
        var next = -1;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, ct);
                response.EnsureSuccessStatusCode();
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        total.Stop();
        Array.Sort(latencies);
        report.Figure($"{name}.throughput", requests / total.Elapsed.TotalSeconds, "req/s");
        report.Figure($"{name}.latency_p50", latencies[requests / 2], "ms");
        report.Figure($"{name}.latency_p99", latencies[(int)(requests * 0.99)], "ms");
    }
}
