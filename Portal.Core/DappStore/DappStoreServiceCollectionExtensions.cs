using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Community;
using NutPortal.Core.Live;

namespace NutPortal.Core.DappStore;

internal static class DappStoreServiceCollectionExtensions
{
    /// <summary>The DApp store (listing, publishing, bundles, live counters) and the community (reviews, threads, moderation).</summary>
    public static IServiceCollection AddDappStore(this IServiceCollection services)
    {
        services.AddOptions<DappStoreOptions>().BindConfiguration(DappStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<DappStoreService>();
        services.AddSingleton<DappCatalog>();
        services.AddSingleton<DappBundleStore>();
        services.AddSingleton<DappLiveCounters>();
        services.AddSingleton<Provider.DappProvider>();
        services.AddScoped<Provider.DappConnections>();
        services.AddHostedService<DappLiveFeed>();
        services.AddLiveEvent(typeof(DappStatsChanged));
        services.AddSingleton<ReviewService>();
        services.AddSingleton<ThreadService>();
        services.AddSingleton<ModerationService>();
        return services;
    }
}
