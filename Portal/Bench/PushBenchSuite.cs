using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// Live push at scale, against the portal started on loopback: (1) N SignalR clients (default 500) on the live
/// hub, joined to one network's group, receive chart updates published through the collector's path
/// (<see cref="LiveNotifier"/> → hub bridge → group); delivery latency is publish → the SignalR .NET client's handler runs.
/// (2) The server memory an idle dashboard circuit costs: M real Chromium pages (default 30) on the home
/// dashboard, managed heap and working set measured after full collections before and after.
/// </summary>
internal sealed class PushBenchSuite : IBenchSuite
{
    private const string NetworkId = "benchpush";

    public string Name => "push";

    public string Description => "SignalR chart-update delivery latency to N hub clients (default 500); server memory per idle dashboard circuit (M pages, default 30)";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var clients = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 500;
        var circuits = arguments.Count > 1 && int.TryParse(arguments[1], out var m) ? m : 30;
        var dataDir = Directory.CreateTempSubdirectory("nutportal-bench-");
        var token = "np_bench_" + Guid.NewGuid().ToString("N");
        const string password = "Bench-password-1";
        try
        {
            await using var app = PortalWebApplication.Build(
            [
                BenchKeys.MasterKeySetting,
                "--urls=http://127.0.0.1:0", $"--Portal:DataDirectory={dataDir.FullName}", $"--Portal:Bootstrap:ApiToken={token}",
                $"--Portal:Bootstrap:AdminPassword={password}", "--Logging:LogLevel:Default=Warning", "--Portal:Workers:Enabled=false",
            ]);
            await app.StartAsync(ct);
            await SeedNetworkAsync(app.Services, ct);
            var address = new Uri(app.Urls.First());
            // Circuits first: the 500 hub connections would leave the working set inflated for the baseline.
            if (circuits > 0)
            {
                await CircuitMemory.MeasureAsync(report, address, password, circuits, ct);
            }
            await MeasurePushAsync(report, app.Services.GetRequiredService<LiveNotifier>(), address, token, clients, ct);
            await app.StopAsync(ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dataDir.Delete(recursive: true);
        }
    }

    /// <summary>A Running network row (no nodes, nothing collects it) so the dashboard renders its live chart.</summary>
    private static async Task SeedNetworkAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        db.Networks.Add(new Network
        {
            Id = NetworkId, Name = NetworkId, Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "bench", Status = NetworkStatus.Running,
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task MeasurePushAsync(BenchReport report, LiveNotifier notifier, Uri address, string token, int count, CancellationToken ct)
    {
        const int updates = 20;
        var hubClients = new List<HubMetricsClient>();
        try
        {
            var connecting = Stopwatch.StartNew();
            // Connected 25 at a time, the way dashboards open over a minute rather than in one instant.
            foreach (var chunk in Enumerable.Range(0, count).Chunk(25))
            {
                hubClients.AddRange(await Task.WhenAll(chunk.Select(_ => HubMetricsClient.ConnectAsync(address, token, NetworkId, updates, ct))));
            }
            report.Figure($"push.connect.{count}", connecting.Elapsed.TotalSeconds, "s");
            var published = new long[updates];
            for (var i = 0; i < updates; i++)
            {
                // What one collector round of a one-node network publishes: about ten points, one of them the sequence.
                var now = DateTime.UtcNow;
                var points = new List<MetricPoint> { new(Metrics.Tps, null, now, i), new(Metrics.BlockHeight, null, now, 1000 + i) };
                points.AddRange(Metrics.All.Where(d => d.Scope == MetricScope.Node).Select(d => new MetricPoint(d.Name, "node-0", now, 42)));
                published[i] = Stopwatch.GetTimestamp();
                await notifier.PublishAsync(new MetricsSampled(NetworkId, now, points));
                await Task.Delay(TimeSpan.FromSeconds(1), ct); // the collector's default cadence
            }
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var latencies = hubClients
                .SelectMany(c => c.Received.Select((ticks, i) => ticks == 0 ? double.PositiveInfinity : Stopwatch.GetElapsedTime(published[i], ticks).TotalMilliseconds))
                .Order().ToArray();
            double At(double q) => latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Length) - 1, 0, latencies.Length - 1)];
            var delivered = latencies.Count(double.IsFinite);
            report.Figure($"push.{count}.delivered", 100.0 * delivered / latencies.Length, "%");
            report.Figure($"push.{count}.latency_p50", At(0.5), "ms");
            report.Figure($"push.{count}.latency_p95", At(0.95), "ms");
            report.Figure($"push.{count}.latency_p99", At(0.99), "ms");
            report.Figure($"push.{count}.latency_max", latencies.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max(), "ms");
            report.Figure($"push.{count}.within_1s", 100.0 * latencies.Count(l => l <= 1000) / latencies.Length, "%");
        }
        finally
        {
            await Task.WhenAll(hubClients.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}
