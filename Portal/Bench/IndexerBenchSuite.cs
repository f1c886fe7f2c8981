using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Web.Hosting;
using NutPortal.Workers.Explorer;

namespace NutPortal.Web.Bench;

/// <summary>
/// Builds a chain of full blocks while the indexer is off (a real anvil network made through the API), times
/// fetching it over JSON-RPC with the indexer's own batching and storing nothing, then restarts the portal with
/// the indexer on and times its catch-up to the node's head. Last, seeds indexed rows in bulk and times the
/// explorer's pages and API on top of them (<see cref="IndexerBenchPages"/>).
/// </summary>
internal sealed class IndexerBenchSuite : IBenchSuite
{
    private const int BlocksPerBatch = 50;

    public string Name => "indexer";

    public string Description => "indexing vs fetch-only blocks/s and tx/s on full blocks, then page/API server time over seeded rows (arguments: transactions, transfers per block, seeded transactions)";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var transactions = Argument(arguments, 0, 30_000);
        var perBlock = Argument(arguments, 1, 300);
        var seeded = Argument(arguments, 2, 1_000_000);
        var dataDir = Directory.CreateTempSubdirectory("nutportal-bench-");
        var token = "np_bench_" + Guid.NewGuid().ToString("N");
        try
        {
            string networkId, rpcUrl;
            (double Seconds, long Blocks, long Transactions) fetch, ours, nethereum;
            await using (var builder = await StartAsync(dataDir.FullName, token, indexer: false, ct))
            {
                using var client = Client(builder, token);
                (networkId, rpcUrl) = await IndexerBenchChain.CreateNetworkAsync(client, perBlock, ct);
                await IndexerBenchChain.FillAsync(rpcUrl, transactions, perBlock, ct);
                var head = await IndexerBenchChain.NodeHeightAsync(rpcUrl, ct);
                var rpc = builder.Services.GetRequiredService<IJsonRpcClientFactory>().CreateEthereum(new Uri(rpcUrl));
                fetch = await FetchOnlyAsync(rpc, head, ct);
                // Warm, alternating, best of three each: one pass is a few requests, so the first is mostly JIT.
                ours = nethereum = (double.MaxValue, 0, 0);
                var nethereumClient = new Nethereum.JsonRpc.Client.RpcClient(new Uri(rpcUrl));
                for (var round = 0; round < 3; round++)
                {
                    ours = Faster(ours, await FetchOnlyAsync(rpc, head, ct));
                    nethereum = Faster(nethereum, await IndexerBenchNethereum.FetchOnlyAsync(nethereumClient, head, BlocksPerBatch));
                }
                await builder.StopAsync(ct);
            }
            report.Figure("indexer.chain.blocks", fetch.Blocks, "blocks");
            report.Figure("indexer.chain.transactions", fetch.Transactions, "tx");
            report.Figure("indexer.fetch_only.blocks_per_s", fetch.Blocks / fetch.Seconds, "blocks/s");
            report.Figure("indexer.fetch_only.transactions_per_s", fetch.Transactions / fetch.Seconds, "tx/s");
            report.Figure("indexer.fetch_only_warm.transactions_per_s", ours.Transactions / ours.Seconds, "tx/s");
            report.Figure("indexer.fetch_only_nethereum_rpc.transactions_per_s", nethereum.Transactions / nethereum.Seconds, "tx/s");
            report.Figure("indexer.fetch_only_nethereum_rpc.ratio_to_warm", ours.Seconds / nethereum.Seconds, "x");

            double indexSeconds;
            await using (var app = await StartAsync(dataDir.FullName, token, indexer: true, ct))
            {
                using var api = Client(app, token);
                // The indexer starts once the restarted portal has seen the node up again: time from there.
                while ((await api.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}", ct)).GetProperty("status").GetString() != "Running")
                {
                    await Task.Delay(20, ct);
                }
                var clock = Stopwatch.StartNew();
                while (await IndexedHeightAsync(api, networkId, ct) < fetch.Blocks - 1)
                {
                    await Task.Delay(20, ct);
                }
                indexSeconds = clock.Elapsed.TotalSeconds;
                await app.StopAsync(ct);
            }
            report.Figure("indexer.catchup.seconds", indexSeconds, "s");
            report.Figure("indexer.catchup.blocks_per_s", fetch.Blocks / indexSeconds, "blocks/s");
            report.Figure("indexer.catchup.transactions_per_s", fetch.Transactions / indexSeconds, "tx/s");
            report.Figure("indexer.catchup.ratio_to_fetch_only", fetch.Seconds / indexSeconds, "x");

            await using (var app = await StartAsync(dataDir.FullName, token, indexer: false, ct))
            {
                using var api = Client(app, token);
                await IndexerBenchPages.RunAsync(report, app.Services, api, networkId, seeded, ct);
                await api.DeleteAsync($"/api/v1/networks/{networkId}", ct);
                await app.StopAsync(ct);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dataDir.Delete(recursive: true);
        }
    }

    /// <summary>Blocks 0..head with receipts through the indexer's fetcher and batch size; nothing is stored.</summary>
    private static async Task<(double Seconds, long Blocks, long Transactions)> FetchOnlyAsync(IJsonRpcClient rpc, long head, CancellationToken ct)
    {
        long next = 0, transactions = 0;
        var clock = Stopwatch.StartNew();
        while (next <= head)
        {
            var result = await BlockFetcher.FetchAsync(rpc, next, (int)Math.Min(BlocksPerBatch, head - next + 1), ct);
            next += result.Blocks.Count;
            transactions += result.Blocks.Sum(b => b.Block.Transactions.Count);
        }
        return (clock.Elapsed.TotalSeconds, next, transactions);
    }

    private static (double Seconds, long Blocks, long Transactions) Faster(
        (double Seconds, long Blocks, long Transactions) a, (double Seconds, long Blocks, long Transactions) b) => a.Seconds <= b.Seconds ? a : b;

    private static int Argument(IReadOnlyList<string> arguments, int index, int fallback) =>
        arguments.Count > index && int.TryParse(arguments[index], out var value) ? value : fallback;

    private static async Task<WebApplication> StartAsync(string dataDir, string token, bool indexer, CancellationToken ct)
    {
        var app = PortalWebApplication.Build(
        [
            BenchKeys.MasterKeySetting,
            "--urls=http://127.0.0.1:0", $"--Portal:DataDirectory={dataDir}", $"--Portal:Bootstrap:ApiToken={token}",
            "--Portal:Bootstrap:AdminPassword=Bench-password-1", "--Logging:LogLevel:Default=Warning",
            $"--Portal:Explorer:IndexerEnabled={indexer}", $"--Portal:Explorer:BlocksPerBatch={BlocksPerBatch}",
        ]);
        await app.StartAsync(ct);
        return app;
    }

    private static HttpClient Client(WebApplication app, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<long> IndexedHeightAsync(HttpClient api, string networkId, CancellationToken ct)
    {
        var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/blocks?limit=1", ct);
        return page.GetProperty("indexer").GetProperty("indexedHeight") is { ValueKind: JsonValueKind.Number } h ? h.GetInt64() : -1;
    }
}
