using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;
using NutPortal.Core.Live;
using NutPortal.Web.Account;
using NutPortal.Web.Api;
using NutPortal.Web.Live;
using NutPortal.Web.Oracle;

namespace NutPortal.Web.Hosting;

public static class WebServiceCollectionExtensions
{
    /// <summary>Blazor, sign-in, the HTTP API, problem details, health checks and the live hub.</summary>
    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // A tab closed while a chart call was in flight leaves that call unanswered; the circuit's disposal (and a
        // portal stop, which waits for it) waits this long for it instead of the default minute. Every JS call the
        // portal makes is a short drawing or DOM call.
        services.AddRazorComponents().AddInteractiveServerComponents(o => o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(10));
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
        services.AddPortalAuthentication();
        services.AddHttpContextAccessor();
        services.AddScoped<Organizations.CallerAccessor>();
        services.AddSingleton<Organizations.CallerCache>();
        services.AddScoped<IdentityChain.IdentitySignIn>();
        services.AddTransient<Microsoft.AspNetCore.Authentication.IClaimsTransformation, Organizations.OrganizationClaims>();

        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddAntiforgery();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        var signalR = services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        if (configuration[LiveServiceCollectionExtensions.RedisSetting] is { Length: > 0 } redis)
        {
            // Several replicas: a message sent to a group reaches its clients on every replica.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("nutportal:signalr"));
        }
        services.AddHostedService<LiveHubBridge>();
        services.AddSingleton<NutPortal.Web.Components.Pages.DashboardModel>();
        services.AddSingleton<NetworkResources>();
        services.AddOracleWeb();
        return services;
    }

    public static IWebHostBuilder ConfigurePortalKestrel(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = context.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = options.MaxRequestLineBytes;
            kestrel.Limits.MaxRequestBufferSize = Math.Max(kestrel.Limits.MaxRequestBufferSize ?? 0, options.MaxRequestLineBytes);
            kestrel.AddServerHeader = false;
            OracleKestrel.Configure(context, kestrel);
        });
}
