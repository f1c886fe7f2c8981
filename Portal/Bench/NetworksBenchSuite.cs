using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// Per platform, through the API of a fresh portal: the time from POST to Running (deployment: keys, ports, node
/// processes, RPC, block check), then blocks per second over a window as seen by node-1's sampled height, with
/// every node at the same head at the end. Ethereum: one anvil node; Neo: four dBFT nodes; Litecoin: three nodes,
/// two mining. All at the shortest block interval (1 s), so blocks/s shows how close each gets to it.
/// </summary>
internal sealed class NetworksBenchSuite : IBenchSuite
{
    public string Name => "networks";

    public string Description => "Per platform (anvil 1 node, neo-express 4 nodes, litecoin 3 nodes; 1 s blocks): deploy time, blocks/s, then a 20/s transfer workload: TPS and per-node propagation/import p50/p95 [window seconds, default 30]";

    private static readonly (string Key, object Profile)[] Platforms =
    [
        ("ethereum", new { name = "bench-eth", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1, balanceEth = 10 } }),
        ("neo", new { name = "bench-neo", platform = "neo-express", nodeCount = 4, consensus = "dbft", blockIntervalSeconds = 1, chainId = 424242, accounts = new { count = 0 } }),
        ("litecoin", new { name = "bench-ltc", platform = "litecoin", nodeCount = 3, consensus = "pow", blockIntervalSeconds = 1, accounts = new { count = 0 }, litecoin = new { miningNodes = new[] { 1, 2 } } }),
    ];

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var window = TimeSpan.FromSeconds(arguments.Count > 0 && int.TryParse(arguments[0], out var s) ? s : 30);
        await using var portal = await BenchPortal.StartAsync(ct, "--Portal:Explorer:IndexerEnabled=false");
        var app = portal.App;
        using var client = portal.CreateClient();
        foreach (var (key, profile) in Platforms)
        {
            var watch = Stopwatch.StartNew();
            var created = await client.PostAsJsonAsync("/api/v1/networks", profile, ct);
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
            try
            {
                await UntilAsync(client, id, n => n.GetProperty("status").GetString() == "Running", TimeSpan.FromMinutes(3), ct);
                report.Figure($"networks.{key}.deploy", watch.Elapsed.TotalSeconds, "s");
                var first = await UntilAsync(client, id, n => Height(n) >= 0, TimeSpan.FromSeconds(30), ct);
                var start = Stopwatch.StartNew();
                await Task.Delay(window, ct);
                var last = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}", ct);
                report.Figure($"networks.{key}.blocks_per_second", (Height(last) - Height(first)) / start.Elapsed.TotalSeconds, "blocks/s");
                report.Figure($"networks.{key}.nodes", last.GetProperty("nodes").GetArrayLength(), "nodes");
                await TransfersAsync(client, report, key, id, ct);
            }
            finally
            {
                await client.DeleteAsync($"/api/v1/networks/{id}", CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// A transfer workload (20/s for 10 s) through the API: achieved TPS and, where nodes are watched one by one,
    /// per node the propagation to its pool and the import of the including block (p50/p95). On Neo the node
    /// signs with the portal wallet it opened; on Litecoin the mining node's wallet signs.
    /// </summary>
    private static async Task TransfersAsync(HttpClient client, BenchReport report, string key, string id, CancellationToken ct)
    {
        var started = await client.PostAsJsonAsync($"/api/v1/networks/{id}/workloads", new { kind = "transfer", ratePerSecond = 20, durationSeconds = 10 }, ct);
        started.EnsureSuccessStatusCode();
        var workloadId = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        JsonElement workload;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        do
        {
            await Task.Delay(500, ct);
            workload = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workloads/{workloadId}", ct);
        }
        while (workload.GetProperty("status").GetString() == "running" && DateTime.UtcNow < deadline);
        if (workload.GetProperty("status").GetString() != "completed")
        {
            throw new InvalidOperationException($"The {key} workload did not complete: {workload}");
        }
        report.Figure($"networks.{key}.transfer_tps", workload.GetProperty("achievedTps").GetDouble(), "tx/s");
        report.Figure($"networks.{key}.transfer_latency_p95", workload.GetProperty("latencyMs").GetProperty("p95").GetDouble(), "ms");
        if (workload.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array)
        {
            foreach (var node in nodes.EnumerateArray())
            {
                var name = node.GetProperty("node").GetString();
                foreach (var (field, label) in new[] { ("propagationMs", "propagation"), ("importMs", "import") })
                {
                    if (node.GetProperty(field) is { ValueKind: JsonValueKind.Object } times)
                    {
                        report.Figure($"networks.{key}.{name}.{label}_p50", times.GetProperty("p50").GetDouble(), "ms");
                        report.Figure($"networks.{key}.{name}.{label}_p95", times.GetProperty("p95").GetDouble(), "ms");
                    }
                }
            }
        }
    }

    private static long Height(JsonElement network) =>
        network.GetProperty("nodes")[0].GetProperty("blockHeight") is { ValueKind: JsonValueKind.Number } h ? h.GetInt64() : -1;

    private static async Task<JsonElement> UntilAsync(HttpClient client, string id, Func<JsonElement, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var network = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}", ct);
            if (condition(network))
            {
                return network;
            }
            if (DateTime.UtcNow > deadline || network.GetProperty("status").GetString() == "Failed")
            {
                throw new TimeoutException($"Network {id} did not get there: {network}");
            }
            await Task.Delay(100, ct);
        }
    }
}
