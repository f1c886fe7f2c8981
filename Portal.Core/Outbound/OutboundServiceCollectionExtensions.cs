using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NutPortal.Core.Outbound;

public static class OutboundServiceCollectionExtensions
{
    public const string HttpClientName = "NutPortal.Outbound";

    /// <summary>The guarded HttpClient for user-given URLs: no redirects, every connection checked by <see cref="OutboundGuard"/>.</summary>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboundGuard>();
        services.AddHttpClient(HttpClientName, (sp, client) => client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<OutboundOptions>>().Value.TimeoutSeconds))
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
