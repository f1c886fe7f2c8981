using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Explorer;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Core.Wallets;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// How a wallet finds its tokens among many indexed logs: the Transfer index (two seeks, <see cref="TransferIndex"/>)
/// against the same question asked of the topics text (what it would cost without the index: a scan of every log).
/// </summary>
internal sealed class WalletBenchSuite : IBenchSuite
{
    private const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    public string Name => "wallets";

    public string Description => "ms to find a holder's tokens among N indexed logs (default 500000): Transfer index p50/p95 against a topics scan";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var count = arguments.Count > 0 && int.TryParse(arguments[0], CultureInfo.InvariantCulture, out var n) ? n : 500_000;
        await using var portal = await BenchPortal.StartAsync(ct, "--Portal:Workers:Enabled=false");
        var app = portal.App;
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var holder = Address(0xaa);
        // What the two indexes cost the indexer's log writes: a third of the logs goes in without them, a third with
        // them, a third without again (into ever larger tables: compare the middle with the mean of the others).
        var third = count / 3;
        await DropIndexesAsync(factory, ct);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(factory, 0, third, holder, ct);
        var before = third / seeding.Elapsed.TotalSeconds;
        seeding.Restart();
        await CreateIndexesAsync(factory, ct);
        report.Figure($"wallets.create_transfer_indexes.{third}", seeding.Elapsed.TotalMilliseconds, "ms");
        seeding.Restart();
        await SeedAsync(factory, third, 2 * third, holder, ct);
        var with = third / seeding.Elapsed.TotalSeconds;
        await DropIndexesAsync(factory, ct);
        seeding.Restart();
        await SeedAsync(factory, 2 * third, count, holder, ct);
        var after = (count - (2 * third)) / seeding.Elapsed.TotalSeconds;
        await CreateIndexesAsync(factory, ct);
        report.Figure("wallets.seed.without_transfer_index", (before + after) / 2, "logs/s");
        report.Figure("wallets.seed.with_transfer_index", with, "logs/s");

        await using var db = await factory.CreateDbContextAsync(ct);
        var found = 0;
        var indexed = await TimeAsync(50, async () => found = (await TransferIndex.TokensAsync(db, "bench", holder, 100, ct)).Count);
        report.Figure($"wallets.tokens_indexed.{count}.p50", indexed.P50, "ms");
        report.Figure($"wallets.tokens_indexed.{count}.p95", indexed.P95, "ms");
        report.Figure("wallets.tokens_found", found, "tokens");
        var pattern = "%,0x" + holder[2..].PadLeft(64, '0') + "%";  // the holder as a whole topic (sender or recipient)
        var scan = await TimeAsync(5, async () => found = await db.ChainLogs.Where(l => l.NetworkId == "bench" && l.Topics.StartsWith(TransferTopic) && EF.Functions.Like(l.Topics, pattern))
            .Select(l => l.Address).Distinct().CountAsync(ct));
        report.Figure($"wallets.tokens_topics_scan.{count}.p50", scan.P50, "ms");
        report.Figure("wallets.tokens_found_by_scan", found, "tokens");
    }

    /// <summary>Logs of 200 token contracts: one Transfer in 50 is to or from the holder (20 contracts), the rest between
    /// other addresses, with one non-Transfer event in four.</summary>
    private static async Task SeedAsync(IDbContextFactory<PortalDbContext> factory, int first, int count, string holder, CancellationToken ct)
    {
        if (first == 0)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Networks.Add(new Network { Id = "bench", Name = "bench", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "bench" });
            await db.SaveChangesAsync(ct);
        }
        var random = new Random(7 + first);
        const int batch = 5_000;
        for (var start = first; start < count; start += batch)
        {
            var rows = new List<ChainLog>(batch);
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                var mine = i % 50 == 0;
                var transfer = mine || i % 4 != 0;
                var from = mine && i % 100 == 0 ? holder : Address(random.Next(1, 100_000) + 0x1000);
                var to = mine && i % 100 != 0 ? holder : Address(random.Next(1, 100_000) + 0x1000);
                var contract = Address(0x100 + (mine ? i / 50 % 20 : random.Next(20, 200)));
                var topics = string.Join(',', transfer ? TransferTopic : "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925",
                    "0x" + from[2..].PadLeft(64, '0'), "0x" + to[2..].PadLeft(64, '0'));
                rows.Add(new ChainLog
                {
                    NetworkId = "bench", TransactionHash = Hash(random), BlockNumber = i / 100, LogIndex = i % 100,
                    Address = contract, Topics = topics, Data = "0x",
                    TransferFrom = transfer ? from : null, TransferTo = transfer ? to : null,
                });
            }
            await using var db = await factory.CreateDbContextAsync(ct);
            await db.Database.OpenConnectionAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ChainRowWriter.InsertAsync(db, rows, ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static async Task DropIndexesAsync(IDbContextFactory<PortalDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""DROP INDEX "IX_ChainLogs_NetworkId_TransferFrom"; DROP INDEX "IX_ChainLogs_NetworkId_TransferTo";""", ct);
    }

    private static async Task CreateIndexesAsync(IDbContextFactory<PortalDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlRawAsync("""
            CREATE INDEX "IX_ChainLogs_NetworkId_TransferFrom" ON "ChainLogs" ("NetworkId", "TransferFrom", "BlockNumber");
            CREATE INDEX "IX_ChainLogs_NetworkId_TransferTo" ON "ChainLogs" ("NetworkId", "TransferTo", "BlockNumber");
            """, ct);
    }

    // Transaction hashes are random on a chain, so their index takes random inserts as the Transfer indexes do.
    private static string Hash(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    private static string Address(int value) => "0x" + value.ToString("x40", CultureInfo.InvariantCulture);

    private static async Task<(double P50, double P95)> TimeAsync(int runs, Func<Task> action)
    {
        await action();  // warm-up
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[runs / 2], times[Math.Min(runs - 1, (int)(runs * 0.95))]);
    }
}
