using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using NutPortal.Web.Hosting;
using NutPortal.Workers.Monitoring;

namespace NutPortal.Web.Bench;

/// <summary>
/// Collector overhead: starts the portal, deploys N real anvil networks (default 10, 1 s blocks) through the API,
/// then drives one collection round a second for 30 s, taking the process's CPU time around each round minus what
/// the process burns without rounds in the same time (node supervisor, timers). The chain indexers are off (they
/// would drown the difference); the collector's own timer is set to an hour so it adds no rounds of its own.
/// </summary>
internal sealed class CollectorBenchSuite : IBenchSuite
{
    private const int Rounds = 30;

    public string Name => "collector";

    public string Description => "CPU time of metric collection over N running anvil networks (default 10): CPU ms per round, share of a core at 1 s and 5 s intervals";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var count = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 10;
        await using var portal = await BenchPortal.StartAsync(ct, "--Portal:Monitoring:SampleIntervalSeconds=3600", "--Portal:Explorer:IndexerEnabled=false");
        var app = portal.App;
        using var client = portal.CreateClient();
        var ids = new List<string>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var created = await client.PostAsJsonAsync("/api/v1/networks", new
                {
                    name = $"bench-{i}", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1, balanceEth = 10 },
                }, ct);
                created.EnsureSuccessStatusCode();
                ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!);
            }
            await WaitForRunningAsync(client, ids, ct);
            var collector = app.Services.GetRequiredService<MetricsCollector>();
            // Warm-up: baselines for every network, and the round's code through tiered compilation.
            await CpuOverAsync(() => collector.CollectAsync(ct), 10, ct);
            var idle = await CpuOverAsync(() => Task.CompletedTask, Rounds, ct) / Rounds;
            var roundCpu = new List<double>();
            var roundMs = new List<double>();
            await CpuOverAsync(async () =>
            {
                var cpu = CpuMilliseconds();
                var watch = Stopwatch.StartNew();
                await collector.CollectAsync(ct);
                roundMs.Add(watch.Elapsed.TotalMilliseconds);
                // What the rest of the process burns meanwhile (idle rate) is not the collector's.
                roundCpu.Add(CpuMilliseconds() - cpu - idle * watch.Elapsed.TotalSeconds);
            }, Rounds, ct);
            roundMs.Sort();
            var perRound = Math.Max(0, roundCpu.Average());
            report.Figure("collector.idle_process_cpu", idle, "ms/s");
            report.Figure($"collector.{count}.round_wall_p50", roundMs[roundMs.Count / 2], "ms");
            report.Figure($"collector.{count}.round_wall_max", roundMs[^1], "ms");
            report.Figure($"collector.{count}.round_cpu", perRound, "ms");
            report.Figure($"collector.{count}.cpu_per_minute_at_1s", perRound * 60, "ms");
            report.Figure($"collector.{count}.cpu_share_at_1s", perRound * 60 / 60_000 * 100, "% of one core");
            report.Figure($"collector.{count}.cpu_share_at_5s", perRound * 12 / 60_000 * 100, "% of one core");
            report.Figure("collector.per_network.round_cpu", perRound / count, "ms");
        }
        finally
        {
            foreach (var id in ids)
            {
                await client.DeleteAsync($"/api/v1/networks/{id}", CancellationToken.None);
            }
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The process's CPU milliseconds over <paramref name="seconds"/> s, calling <paramref name="everySecond"/> once a second.</summary>
    private static async Task<double> CpuOverAsync(Func<Task> everySecond, int seconds, CancellationToken ct)
    {
        var before = CpuMilliseconds();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (var i = 0; i < seconds; i++)
        {
            await timer.WaitForNextTickAsync(ct);
            await everySecond();
        }
        return CpuMilliseconds() - before;
    }

    private static double CpuMilliseconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    private static async Task WaitForRunningAsync(HttpClient client, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        foreach (var id in ids)
        {
            while ((await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}", ct)).GetProperty("status").GetString() != "Running")
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Network {id} did not reach Running in 3 minutes.");
                }
                await Task.Delay(500, ct);
            }
        }
    }
}
