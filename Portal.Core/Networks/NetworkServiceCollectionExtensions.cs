using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Litecoin;
using NutPortal.Core.Networks.Platforms.Neo;

namespace NutPortal.Core.Networks;

internal static class NetworkServiceCollectionExtensions
{
    /// <summary>Platforms, drivers and the services that create, run and operate networks.</summary>
    public static IServiceCollection AddNetworks(this IServiceCollection services)
    {
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NodeRpc>();
        services.AddSingleton<IBlockchainPlatform, AnvilPlatform>();
        services.AddSingleton<IBlockchainPlatform, NeoPlatform>();
        services.AddSingleton<LitecoinNode>();
        services.AddSingleton<IBlockchainPlatform, LitecoinPlatform>();
        services.AddSingleton<LocalNodeDriver>();
        services.AddSingleton<INodeDriver>(sp => sp.GetRequiredService<LocalNodeDriver>());
        services.AddKubernetesDriver();
        services.AddSingleton<ProfileValidator>();
        services.AddSingleton<PortAllocator>();
        services.AddSingleton<NodeLocks>();
        services.AddSingleton<NodeRunner>();
        services.AddSingleton<NetworkAudit>();
        services.AddSingleton<NetworkCatalog>();
        services.AddSingleton<NetworkService>();
        services.AddSingleton<NodeOperations>();
        services.AddSingleton<NodeMembership>();
        services.AddSingleton<NetworkAccountKeys>();
        services.AddSingleton<ChainReader>();
        return services;
    }
}
