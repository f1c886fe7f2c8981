using System.Net.Http.Headers;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Replicas;

/// <summary>
/// Two portal processes on one throw-away PostgreSQL database and one redis-server: A runs the background jobs,
/// B serves only (its Hangfire server is off), so anything B's clients see of a job came from A.
/// </summary>
public sealed class TwoReplicas : IAsyncLifetime, IDisposable
{
    private readonly RedisServer _redis = new();
    private TestDatabase? _database;
    private readonly List<string> _directories = [];

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public string Token { get; } = "np_test_" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        if (RedisServer.MissingWithPostgres is not null)
        {
            return;
        }
        _database = TestDatabase.Postgres();
        A = await StartAsync();
        B = await StartAsync("--Portal:Workers:Enabled=false");
    }

    public async Task<PortalProcess> StartAsync(params string[] extra)
    {
        var directory = Directory.CreateTempSubdirectory("nutportal-replica-").FullName;
        _directories.Add(directory);
        return await PortalProcess.StartAsync(directory, Token,
        [
            "--Portal:Database:Provider=Postgres", $"--ConnectionStrings:Portal={_database!.ConnectionString}", $"--Portal:Redis={_redis.Configuration}",
            "--Portal:Workers:QueuePollMilliseconds=200", .. extra,
        ]);
    }

    public HttpClient Client(PortalProcess portal, string? token = null)
    {
        var client = new HttpClient { BaseAddress = portal.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return client;
    }

    public Task DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        foreach (var directory in _directories)
        {
            LeftoverProcesses.KillUnder(directory);
            Directory.Delete(directory, recursive: true);
        }
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _database?.Dispose();
        _database = null;
        _redis.Dispose();
    }
}
