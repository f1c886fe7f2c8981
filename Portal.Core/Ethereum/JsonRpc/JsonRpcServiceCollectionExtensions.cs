using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>Creates <see cref="IJsonRpcClient"/>s for node endpoints (the portal talks to many nodes).</summary>
public interface IJsonRpcClientFactory
{
    IJsonRpcClient Create(Uri endpoint);
}

internal sealed class JsonRpcClientFactory(IHttpClientFactory httpClients, IOptions<JsonRpcClientOptions> options) : IJsonRpcClientFactory
{
    public IJsonRpcClient Create(Uri endpoint) =>
        new JsonRpcClient(httpClients.CreateClient(JsonRpcServiceCollectionExtensions.HttpClientName), endpoint, options.Value);
}

public static class JsonRpcServiceCollectionExtensions
{
    public const string HttpClientName = "NutPortal.JsonRpc";

    /// <summary>Registers <see cref="IJsonRpcClientFactory"/> over a named HttpClient whose own timeout is off (each call has its own).</summary>
    public static IServiceCollection AddEthereumJsonRpc(this IServiceCollection services, Action<JsonRpcClientOptions>? configure = null)
    {
        var options = services.AddOptions<JsonRpcClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        services.AddHttpClient(HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<IJsonRpcClientFactory, JsonRpcClientFactory>();
        return services;
    }
}
