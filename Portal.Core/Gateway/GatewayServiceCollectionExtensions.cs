using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Core.Gateway;

internal static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddRpcGateway(this IServiceCollection services)
    {
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RpcGateway>();
        services.AddSingleton<UserTransactionGuard>();
        // The gateway relays to the portal's own nodes on loopback (or in the cluster): the outbound guard is for the oracle's external calls.
        services.AddHttpClient(RpcGateway.HttpClientName);
        return services;
    }
}
