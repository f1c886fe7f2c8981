using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NutPortal.Core.Oracle;
using NutPortal.Tests.Infrastructure;
using StackExchange.Redis;

namespace NutPortal.Tests.Oracle;

/// <summary>The oracle's per-caller and per-host windows hold for the whole portal when replicas share Redis, and
/// fall back to each replica's own count while Redis does not answer.</summary>
public sealed class OracleRateLimitTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Two_replicas_on_one_Redis_share_a_callers_window()
    {
        using var a = Limits(redis.Configuration, out var connectionA);
        using var b = Limits(redis.Configuration, out var connectionB);
        var request = Request($"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42]);

        Assert.Null(await a.TryAcquireAsync(request));
        Assert.Null(await b.TryAcquireAsync(request));
        Assert.Null(await a.TryAcquireAsync(request));
        var limited = await b.TryAcquireAsync(request);
        Assert.NotNull(limited);
        Assert.Equal(OracleRateLimits.CallerLimit, limited.Value.Limit);
        Assert.InRange(limited.Value.Wait, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        // Another contract calling the same host is its own caller.
        Assert.Null(await a.TryAcquireAsync(Request($"0x{Guid.NewGuid():N}{Guid.NewGuid():N}"[..42])));
        connectionA.Dispose();
        connectionB.Dispose();
    }

    [Fact]
    public async Task While_Redis_does_not_answer_each_replica_still_limits_on_its_own()
    {
        using var a = Limits("127.0.0.1:1,abortConnect=false,connectTimeout=200,syncTimeout=200,asyncTimeout=200", out var connection);
        var request = Request("0x00000000000000000000000000000000000000aa");
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await a.TryAcquireAsync(request));
        }
        Assert.Equal(OracleRateLimits.CallerLimit, (await a.TryAcquireAsync(request))?.Limit);
        connection.Dispose();
    }

    private static OracleRateLimits Limits(string redisConfiguration, out IConnectionMultiplexer connection)
    {
        connection = ConnectionMultiplexer.Connect(ConfigurationOptions.Parse(redisConfiguration + (redisConfiguration.Contains("abortConnect") ? "" : ",abortConnect=false")));
        var services = new ServiceCollection().AddSingleton(connection).BuildServiceProvider();
        var options = Options.Create(new OracleOptions { CallsPerCallerPerMinute = 3, CallsPerHostPerMinute = 300 });
        return new OracleRateLimits(options, services, TimeProvider.System, NullLogger<OracleRateLimits>.Instance);
    }

    private static OracleRequest Request(string contract) => new()
    {
        NetworkId = "net-" + contract[^6..], UserId = "user", Url = "https://api.example/price", Host = "api.example", Method = "GET", Contract = contract,
    };
}
