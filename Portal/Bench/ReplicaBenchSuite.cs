using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// Cross-replica delivery: starts redis-server on a free port and two portals sharing it; chart updates published
/// on replica A reach hub clients connected to replica B through the SignalR Redis backplane. Prints the delivery
/// latency p50/p95/max and the share delivered.
/// </summary>
internal sealed class ReplicaBenchSuite : IBenchSuite
{
    private const string NetworkId = "benchreplica";
    private const int Updates = 50;

    public string Name => "replicas";

    public string Description => "latency of a chart update published on replica A to hub clients on replica B through Redis (default 20 clients)";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var clients = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 20;
        var port = FreePort();
        using var redis = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("redis-server could not start (apt-get install redis-server).");
        redis.OutputDataReceived += (_, _) => { };
        redis.BeginOutputReadLine();
        var token = "np_bench_" + Guid.NewGuid().ToString("N");
        var dirs = new[] { Directory.CreateTempSubdirectory("nutportal-bench-"), Directory.CreateTempSubdirectory("nutportal-bench-") };
        try
        {
            await using var a = await StartAsync(dirs[0], token, port, ct);
            await using var b = await StartAsync(dirs[1], token, port, ct);
            var hubClients = new List<HubMetricsClient>();
            try
            {
                for (var i = 0; i < clients; i++)
                {
                    hubClients.Add(await HubMetricsClient.ConnectAsync(new Uri(b.Urls.First()), token, NetworkId, Updates, ct));
                }
                var notifier = a.Services.GetRequiredService<LiveNotifier>();
                var published = new long[Updates];
                for (var i = 0; i < Updates; i++)
                {
                    var now = DateTime.UtcNow;
                    published[i] = Stopwatch.GetTimestamp();
                    await notifier.PublishAsync(new MetricsSampled(NetworkId, now, [new(Metrics.Tps, null, now, i)]));
                    await Task.Delay(200, ct);
                }
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                var latencies = hubClients
                    .SelectMany(c => c.Received.Select((ticks, i) => ticks == 0 ? double.PositiveInfinity : Stopwatch.GetElapsedTime(published[i], ticks).TotalMilliseconds))
                    .Order().ToArray();
                double At(double q) => latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Length) - 1, 0, latencies.Length - 1)];
                report.Figure($"replicas.{clients}.delivered", 100.0 * latencies.Count(double.IsFinite) / latencies.Length, "%");
                report.Figure($"replicas.{clients}.latency_p50", At(0.5), "ms");
                report.Figure($"replicas.{clients}.latency_p95", At(0.95), "ms");
                report.Figure($"replicas.{clients}.latency_max", latencies.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max(), "ms");
            }
            finally
            {
                await Task.WhenAll(hubClients.Select(c => c.DisposeAsync().AsTask()));
            }
            await b.StopAsync(ct);
            await a.StopAsync(ct);
        }
        finally
        {
            redis.Kill();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var dir in dirs)
            {
                dir.Delete(recursive: true);
            }
        }
    }

    private static async Task<WebApplication> StartAsync(DirectoryInfo dataDir, string token, int redisPort, CancellationToken ct)
    {
        var app = PortalWebApplication.Build(
        [
            BenchKeys.MasterKeySetting,
            "--urls=http://127.0.0.1:0", $"--Portal:DataDirectory={dataDir.FullName}", $"--Portal:Bootstrap:ApiToken={token}",
            "--Portal:Bootstrap:AdminPassword=Bench-password-1", "--Logging:LogLevel:Default=Warning", "--Portal:Workers:Enabled=false",
            $"--Portal:Redis=127.0.0.1:{redisPort}",
        ]);
        await app.StartAsync(ct);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        db.Networks.Add(new Network
        {
            Id = NetworkId, Name = NetworkId, Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "bench", Status = NetworkStatus.Running,
        });
        await db.SaveChangesAsync(ct);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
