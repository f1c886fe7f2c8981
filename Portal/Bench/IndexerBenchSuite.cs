using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// Builds a chain while the indexer is off (a real anvil network made through the API: empty blocks and
/// signed transfers), restarts the portal with the indexer on and times its catch-up to the node's head.
/// </summary>
internal sealed class IndexerBenchSuite : IBenchSuite
{
    public string Name => "indexer";

    public string Description => "catch-up blocks/s and transactions/s of the chain indexer (arguments: blocks, transactions)";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var blocks = arguments.Count > 0 && int.TryParse(arguments[0], out var b) ? b : 2000;
        var transactions = arguments.Count > 1 && int.TryParse(arguments[1], out var t) ? t : 2000;
        var dataDir = Directory.CreateTempSubdirectory("nutportal-bench-");
        var token = "np_bench_" + Guid.NewGuid().ToString("N");
        string? networkId = null;
        try
        {
            string rpcUrl;
            await using (var builder = await StartAsync(dataDir.FullName, token, indexer: false, ct))
            {
                using var client = Client(builder, token);
                (networkId, rpcUrl) = await IndexerBenchChain.CreateNetworkAsync(client, ct);
                await IndexerBenchChain.FillAsync(rpcUrl, blocks, transactions, ct);
                await builder.StopAsync(ct);
            }
            await using var app = await StartAsync(dataDir.FullName, token, indexer: true, ct);
            using var api = Client(app, token);
            var head = await IndexerBenchChain.NodeHeightAsync(rpcUrl, ct);
            var clock = Stopwatch.StartNew();
            while (await IndexedHeightAsync(api, networkId, ct) < head)
            {
                await Task.Delay(20, ct);
            }
            clock.Stop();
            report.Figure("indexer.catchup.blocks", head + 1, "blocks");
            report.Figure("indexer.catchup.seconds", clock.Elapsed.TotalSeconds, "s");
            report.Figure("indexer.catchup.blocks_per_s", (head + 1) / clock.Elapsed.TotalSeconds, "blocks/s");
            report.Figure("indexer.catchup.transactions_per_s", transactions / clock.Elapsed.TotalSeconds, "tx/s");
            await api.DeleteAsync($"/api/v1/networks/{networkId}", ct);
            await app.StopAsync(ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dataDir.Delete(recursive: true);
        }
    }

    private static async Task<WebApplication> StartAsync(string dataDir, string token, bool indexer, CancellationToken ct)
    {
        var app = PortalWebApplication.Build(
        [
            "--urls=http://127.0.0.1:0", $"--Portal:DataDirectory={dataDir}", $"--Portal:Bootstrap:ApiToken={token}",
            "--Portal:Bootstrap:AdminPassword=Bench-password-1", "--Logging:LogLevel:Default=Warning",
            $"--Portal:Explorer:IndexerEnabled={indexer}", "--Portal:Explorer:BlocksPerBatch=50",
        ]);
        await app.StartAsync(ct);
        return app;
    }

    private static HttpClient Client(WebApplication app, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<long> IndexedHeightAsync(HttpClient api, string networkId, CancellationToken ct)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/blocks?limit=1", ct);
        return page.GetProperty("indexer").GetProperty("indexedHeight") is { ValueKind: JsonValueKind.Number } h ? h.GetInt64() : -1;
    }
}
