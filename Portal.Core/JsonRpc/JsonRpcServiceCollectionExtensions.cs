using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NutPortal.Core.JsonRpc;

/// <summary>Creates <see cref="IJsonRpcClient"/>s for node endpoints (the portal talks to many nodes).</summary>
public interface IJsonRpcClientFactory
{
    /// <summary>A client for <paramref name="endpoint"/> speaking the dialect <paramref name="json"/>; <paramref name="basicAuth"/> is "user:password".</summary>
    IJsonRpcClient Create(Uri endpoint, JsonSerializerOptions json, string? basicAuth = null);
}

internal sealed class JsonRpcClientFactory(IHttpClientFactory httpClients, IOptions<JsonRpcClientOptions> options) : IJsonRpcClientFactory
{
    public IJsonRpcClient Create(Uri endpoint, JsonSerializerOptions json, string? basicAuth = null) =>
        new JsonRpcClient(httpClients.CreateClient(JsonRpcServiceCollectionExtensions.HttpClientName), endpoint, options.Value, json, basicAuth);
}

public static class JsonRpcServiceCollectionExtensions
{
    public const string HttpClientName = "NutPortal.JsonRpc";

    /// <summary>Registers <see cref="IJsonRpcClientFactory"/> over a named HttpClient whose own timeout is off (each call has its own).</summary>
    public static IServiceCollection AddJsonRpc(this IServiceCollection services, Action<JsonRpcClientOptions>? configure = null)
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
