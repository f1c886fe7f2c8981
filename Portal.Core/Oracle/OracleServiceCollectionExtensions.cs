using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NutPortal.Core.Outbound;

namespace NutPortal.Core.Oracle;

public static class OracleServiceCollectionExtensions
{
    /// <summary>The oracle's queue (storage, runner, guarded HTTP client); the job runner comes from Workers.</summary>
    public static IServiceCollection AddOracle(this IServiceCollection services)
    {
        services.AddOptions<OracleOptions>().BindConfiguration(OracleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // OutboundGuard and Portal:Outbound come from AddOutboundHttp (AddAlerts registers it for webhooks).
        services.TryAddSingleton<OutboundGuard>();
        services.AddSingleton<OracleService>();
        services.AddSingleton<OracleRunner>();
        services.AddSingleton<OracleScheduler>();
        services.AddSingleton<OracleRateLimits>();
        services.AddSingleton<OracleHttpFetcher>();
        services.AddSingleton<OracleSourceFetcher>();
        services.AddSingleton<Chain.OracleChainDeployer>();
        services.AddSingleton<Chain.OracleChainFollower>();
        services.AddSingleton<Chain.OracleFulfiller>();
        services.AddLiveEvent(typeof(OracleRequestChanged));
        // No client timeout: each request carries its own, enforced by the fetcher.
        services.AddHttpClient(OracleHttpFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<OutboundGuard>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            });
        return services;
    }
}
