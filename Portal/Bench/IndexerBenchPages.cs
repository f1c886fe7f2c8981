using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Explorer;
using NutPortal.Core.Persistence;

namespace NutPortal.Web.Bench;

/// <summary>
/// Seeds generated blocks and transactions (the indexer's own entities through its bulk writer) above a network's
/// indexed head, then times the explorer's block, transaction and address pages and their API one request at
/// a time and prints p50/p95 server time per page. The seeded rows are not on the node: the address page's
/// live balance still comes from the node, the transaction page's trace finds no call tree.
/// </summary>
internal static class IndexerBenchPages
{
    private const int TransactionsPerBlock = 200;
    private const int Senders = 100;
    private const int Recipients = 5000;
    private const int Requests = 60;

    public static async Task RunAsync(BenchReport report, IServiceProvider services, HttpClient client, string networkId, int transactions, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var first = (await services.GetRequiredService<ExplorerQueries>().IndexedHeightAsync(networkId, ct) ?? -1) + 1;
        var blocks = Math.Max(1, transactions / TransactionsPerBlock);
        var clock = Stopwatch.StartNew();
        await SeedAsync(dbFactory, networkId, first, blocks, ct);
        report.Figure("indexer.pages.seeded_transactions", (long)blocks * TransactionsPerBlock, "tx");
        report.Figure("indexer.pages.seed_rows_per_s", (long)blocks * TransactionsPerBlock / clock.Elapsed.TotalSeconds, "rows/s");

        var random = new Random(7);
        string Block() => (first + random.Next(blocks)).ToString(CultureInfo.InvariantCulture);
        string Tx() => TxHash(random.NextInt64((long)blocks * TransactionsPerBlock));
        string Sender() => Account(1, random.Next(Senders));
        string Recipient() => Account(2, random.Next(Recipients));
        var ui = $"/networks/{networkId}/explorer";
        var api = $"/api/v1/networks/{networkId}";
        await TimeAsync(report, client, "indexer.pages.block", () => $"{ui}/blocks/{Block()}", ct);
        await TimeAsync(report, client, "indexer.pages.transaction", () => $"{ui}/tx/{Tx()}", ct);
        await TimeAsync(report, client, "indexer.pages.address_sender", () => $"{ui}/address/{Sender()}", ct);
        await TimeAsync(report, client, "indexer.pages.address_recipient", () => $"{ui}/address/{Recipient()}", ct);
        await TimeAsync(report, client, "indexer.pages.explorer_home", () => ui, ct);
        await TimeAsync(report, client, "indexer.api.blocks_list", () => $"{api}/blocks?limit=20", ct);
        await TimeAsync(report, client, "indexer.api.block", () => $"{api}/blocks/{Block()}", ct);
        await TimeAsync(report, client, "indexer.api.transaction", () => $"{api}/transactions/{Tx()}", ct);
        await TimeAsync(report, client, "indexer.api.address_sender", () => $"{api}/addresses/{Sender()}", ct);
        await TimeAsync(report, client, "indexer.api.address_recipient", () => $"{api}/addresses/{Recipient()}", ct);
        // The address page's history grid loads its rows over the circuit after the page is served: its query on its own.
        var grids = services.GetRequiredService<ExplorerGrids>();
        await TimeQueryAsync(report, "indexer.grids.address_sender", () => grids.AddressTransactionsAsync(networkId, Sender(), new PageRequest(0, 25), ct));
        await TimeQueryAsync(report, "indexer.grids.address_recipient", () => grids.AddressTransactionsAsync(networkId, Recipient(), new PageRequest(0, 25), ct));
    }

    private static async Task SeedAsync(IDbContextFactory<PortalDbContext> dbFactory, string networkId, long first, int blocks, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        const int blocksPerSave = 50;
        for (var start = 0; start < blocks; start += blocksPerSave)
        {
            var blockRows = new List<ChainBlock>();
            var rows = new List<ChainTransaction>();
            for (var b = start; b < Math.Min(blocks, start + blocksPerSave); b++)
            {
                var number = first + b;
                blockRows.Add(new ChainBlock
                {
                    NetworkId = networkId, Number = number, Hash = Hash(3, number), ParentHash = Hash(3, number - 1), Timestamp = now,
                    GasUsed = 21_000L * TransactionsPerBlock, GasLimit = 30_000_000, BaseFeePerGas = "1000000000", TransactionCount = TransactionsPerBlock, IndexedAt = now,
                });
                for (var i = 0; i < TransactionsPerBlock; i++)
                {
                    var n = ((long)b * TransactionsPerBlock) + i;
                    rows.Add(new ChainTransaction
                    {
                        NetworkId = networkId, Hash = TxHash(n), BlockNumber = number, TransactionIndex = i, From = Account(1, (int)(n % Senders)),
                        To = Account(2, (int)(n % Recipients)), Value = "1000", Nonce = n / Senders, Gas = 21_000, GasUsed = 21_000, GasPrice = "1000000000",
                        Status = 1, Type = 2, Input = "0x",
                    });
                }
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ChainRowWriter.InsertAsync(db, blockRows, ct);
            await ChainRowWriter.InsertAsync(db, rows, ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static async Task TimeAsync(BenchReport report, HttpClient client, string name, Func<string> path, CancellationToken ct)
    {
        for (var i = 0; i < 5; i++)
        {
            (await client.GetAsync(path(), ct)).EnsureSuccessStatusCode();
        }
        var latencies = new double[Requests];
        for (var i = 0; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path(), ct);
            response.EnsureSuccessStatusCode();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(latencies);
        report.Figure($"{name}.p50", latencies[Requests / 2], "ms");
        report.Figure($"{name}.p95", latencies[(int)(Requests * 0.95)], "ms");
    }

    private static async Task TimeQueryAsync(BenchReport report, string name, Func<Task> query)
    {
        for (var i = 0; i < 5; i++)
        {
            await query();
        }
        var latencies = new double[Requests];
        for (var i = 0; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await query();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(latencies);
        report.Figure($"{name}.p50", latencies[Requests / 2], "ms");
        report.Figure($"{name}.p95", latencies[(int)(Requests * 0.95)], "ms");
    }

    private static string TxHash(long n) => Hash(4, n);

    private static string Hash(int kind, long n) => FormattableString.Invariant($"0x{kind:x2}{n:x62}");

    private static string Account(int kind, int n) => FormattableString.Invariant($"0x{kind:x2}{n:x38}");
}
