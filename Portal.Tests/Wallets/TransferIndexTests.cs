using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Core.Wallets;
using NutPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NutPortal.Tests.Wallets;

/// <summary>The explorer's Transfer index on each provider: logs indexed before the upgrade get their sender and
/// recipient, a holder's tokens are found through the two indexes (SQLite's plan shows no scan of the logs).</summary>
public sealed class TransferIndexTests(ITestOutputHelper output)
{
    private const string Transfer = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private const string Holder = "0x00000000000000000000000000000000000000aa";
    private const string Other = "0x00000000000000000000000000000000000000bb";
    private const string Erc20 = "0x1000000000000000000000000000000000000001";
    private const string Erc721 = "0x2000000000000000000000000000000000000002";
    private const string Unrelated = "0x3000000000000000000000000000000000000003";

    public static TheoryData<string> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Transfers_indexed_before_the_upgrade_are_found_and_a_holders_tokens_come_from_the_transfer_indexes(string provider)
    {
        using var database = TestDatabase.Create(provider);
        var dir = Directory.CreateTempSubdirectory("nutportal-transfers-").FullName;
        var commands = new List<string>();
        await using (var db = NewContext(database, dir, commands))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261203000200_GatewayRefusals");
            db.Networks.Add(new Network { Id = "net-1", Name = "old", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "u" });
            await db.SaveChangesAsync();
            var rows = new (string Contract, long Block, string Topics)[]
            {
                (Erc20, 1, string.Join(',', Transfer, Topic(Other), Topic(Holder))),           // ERC-20 in
                (Erc20, 5, string.Join(',', Transfer, Topic(Holder), Topic(Other))),           // ERC-20 out
                (Erc721, 3, string.Join(',', Transfer, Topic(Other), Topic(Holder), Topic("0x07"))), // token 7 in
                (Unrelated, 4, string.Join(',', "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925", Topic(Holder), Topic(Other))), // Approval
            };
            var index = 0;
            foreach (var (contract, block, topics) in rows)
            {
                var hash = "0x" + (++index).ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "ChainLogs" ("NetworkId", "TransactionHash", "BlockNumber", "LogIndex", "Address", "Topics", "Data") VALUES ('net-1', {hash}, {block}, {0}, {contract}, {topics}, '0x')
                    """);
            }
        }
        await using (var db = NewContext(database, dir, commands))
        {
            await db.Database.MigrateAsync();
            var logs = await db.ChainLogs.OrderBy(l => l.BlockNumber).ToListAsync();
            Assert.Equal([Holder, Holder, null, Other], logs.Select(l => l.TransferTo));
            Assert.Equal([Other, Other, null, Holder], logs.Select(l => l.TransferFrom));

            commands.Clear();
            var tokens = await TransferIndex.TokensAsync(db, "net-1", Holder.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), 10, CancellationToken.None);
            Assert.Equal([new TokenCandidate(Erc20, 5, false), new TokenCandidate(Erc721, 3, true)], tokens);
            var nfts = await TransferIndex.ReceivedNftsAsync(db, "net-1", Holder, [Erc721], 10, CancellationToken.None);
            Assert.Equal([(Erc721, new System.Numerics.BigInteger(7))], nfts);
            if (provider == "Sqlite")
            {
                var plan = await PlanAsync(db, commands[0]);
                output.WriteLine(plan);
                Assert.Contains("IX_ChainLogs_NetworkId_TransferTo", plan, StringComparison.Ordinal);
                Assert.Contains("IX_ChainLogs_NetworkId_TransferFrom", plan, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"(?m)^SCAN c", plan);  // the logs (aliases c, c0) are only searched; "SCAN u" walks the small union
            }
        }
    }

    private static string Topic(string address) => "0x" + address[2..].PadLeft(64, '0');

    private static async Task<string> PlanAsync(PortalDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;   // unbound parameters are NULL; the plan does not depend on them
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }
        return string.Join("\n", lines);
    }

    private static PortalDbContext NewContext(TestDatabase database, string dir, List<string> commands)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(new CommandRecorder(commands));
        if (database.Provider == "Postgres")
        {
            builder.UseNpgsql(database.ConnectionString);
        }
        else
        {
            builder.UseSqlite($"Data Source={Path.Combine(dir, "portal.db")};Foreign Keys=True");
        }
        return new PortalDbContext(builder.Options);
    }

    private sealed class CommandRecorder(List<string> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
