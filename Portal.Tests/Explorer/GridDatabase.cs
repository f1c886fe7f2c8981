using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core;
using NutPortal.Core.Explorer;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

/// <summary>
/// A migrated throw-away database (SQLite, or PostgreSQL when configured) with the portal's core services over it,
/// for testing the grids' queries without a web host.
/// </summary>
internal sealed class GridDatabase : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private GridDatabase(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        _services = services;
    }

    public static async Task<GridDatabase> CreateAsync(string provider)
    {
        var database = TestDatabase.Create(provider);
        var dir = Directory.CreateTempSubdirectory("nutportal-grid-").FullName;
        var settings = new Dictionary<string, string?>(database.Settings) { ["Portal:DataDirectory"] = dir };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddPortalCore(configuration).BuildServiceProvider();
        var grid = new GridDatabase(database, services);
        await using var db = await grid.Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return grid;
    }

    public IDbContextFactory<PortalDbContext> Factory => _services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<string> AddNetworkAsync(string id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        db.Networks.Add(new Network { Id = id, Name = id, Platform = "ethereum", Driver = "local", ProfileJson = "{}", CreatedBy = "test", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Stores blocks and transactions through the indexer's bulk writer.</summary>
    public async Task AddChainAsync(IReadOnlyList<ChainBlock> blocks, IReadOnlyList<ChainTransaction> transactions)
    {
        await using var db = await Factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await ChainRowWriter.InsertAsync(db, blocks, CancellationToken.None);
        await ChainRowWriter.InsertAsync(db, transactions, CancellationToken.None);
        await transaction.CommitAsync();
    }

    public static ChainBlock Block(string networkId, long number, DateTime timestamp, int transactions = 0) => new()
    {
        NetworkId = networkId, Number = number, Hash = Hash(3, number), ParentHash = Hash(3, number - 1), Timestamp = timestamp,
        GasLimit = 30_000_000, TransactionCount = transactions, IndexedAt = timestamp,
    };

    public static ChainTransaction Transaction(string networkId, long block, int index, string from, string? to, int status = 1, string? created = null) => new()
    {
        NetworkId = networkId, Hash = TxHash(block, index), BlockNumber = block, TransactionIndex = index, From = from, To = to, ContractAddress = created,
        Value = "1", Gas = 21_000, GasUsed = 21_000, GasPrice = "1", Status = status, Type = 2, Input = "0x",
    };

    public static string TxHash(long block, int index) => Hash(4, (block * 1000) + index);

    public static string Account(int n) => FormattableString.Invariant($"0x{n:x40}");

    private static string Hash(int kind, long n) => FormattableString.Invariant($"0x{kind:x2}{n:x62}");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
    }
}
