using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Alerts;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Explorer;
using NutPortal.Core.Identity;
using NutPortal.Core.Jobs;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Scanning;
using StackExchange.Redis;

namespace NutPortal.Core.Live;

public static class LiveServiceCollectionExtensions
{
    /// <summary>The setting naming the Redis server (StackExchange.Redis configuration string) replicas share.</summary>
    public const string RedisSetting = "Portal:Redis";

    /// <summary>The notifier; with <c>Portal:Redis</c>, the connection and the bus that carries events between replicas.</summary>
    public static IServiceCollection AddPortalLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LiveNotifier>();
        foreach (var type in new[]
        {
            typeof(AlertChanged), typeof(NetworkChanged), typeof(NodeHeightChanged), typeof(BlocksIndexed), typeof(MetricsSampled),
            typeof(ScanFinished), typeof(ContractTestRunChanged), typeof(JobRunRecorded), typeof(UserSecurityChanged), typeof(ApiTokenRevoked),
            typeof(IndexerStatusChanged),
        })
        {
            services.AddLiveEvent(type);
        }
        if (configuration[RedisSetting] is { Length: > 0 } redis)
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false; // a replica starts while Redis restarts, and reconnects
            options.ClientName = "nutportal";
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            services.AddSingleton<RedisLiveBus>();
            services.AddHostedService(sp => sp.GetRequiredService<RedisLiveBus>());
        }
        return services;
    }

    /// <summary>Lets events of this type cross replicas (when Redis is configured).</summary>
    public static IServiceCollection AddLiveEvent(this IServiceCollection services, Type eventType) =>
        services.AddSingleton(new LiveEventRegistration(eventType));
}
