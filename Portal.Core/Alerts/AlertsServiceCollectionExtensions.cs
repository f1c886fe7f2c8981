using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Outbound;

namespace NutPortal.Core.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Alert rules, alerts and the guarded outbound HTTP client their webhooks use (settings under Portal:Alerts, Portal:Outbound).</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOutboundHttp();
        services.AddSingleton<AlertRuleService>();
        services.AddSingleton<AlertCatalog>();
        return services;
    }
}
