using Npgsql;

namespace NutPortal.Tests.Infrastructure;

/// <summary>
/// A throw-away database: SQLite in the portal's data folder, or a fresh PostgreSQL database on the server
/// named by NUTPORTAL_TEST_POSTGRES (a connection string to a role that may create databases).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private const string PostgresVariable = "NUTPORTAL_TEST_POSTGRES";
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, IReadOnlyDictionary<string, string?> settings, string? adminConnection = null, string? databaseName = null)
    {
        Provider = provider;
        Settings = settings;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string? ConnectionString => Settings.TryGetValue("ConnectionStrings:Portal", out var c) ? c : null;

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } c ? c : null;

    /// <summary>The providers persistence tests run against: SQLite always, PostgreSQL when a server is configured.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "Sqlite" };
        if (PostgresServer is not null)
        {
            data.Add("Postgres");
        }
        return data;
    }

    public static TestDatabase Create(string provider) => provider == "Postgres" ? Postgres() : Sqlite();

    public static TestDatabase Sqlite() => new("Sqlite", new Dictionary<string, string?> { ["Portal:Database:Provider"] = "Sqlite" });

    public static TestDatabase Postgres()
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = "nutportal_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("Postgres", new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portal"] = builder.ConnectionString,
        }, server, name);
    }

    public void Dispose()
    {
        if (_adminConnection is null || _databaseName is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_adminConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
