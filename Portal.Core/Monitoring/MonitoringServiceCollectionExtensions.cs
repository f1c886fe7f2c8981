using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Alerts;

namespace NutPortal.Core.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>Metric storage, the in-memory latest values (settings under Portal:Monitoring) and alerts.</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddOptions<MonitoringOptions>()
            .BindConfiguration(MonitoringOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MetricStore>();
        services.AddSingleton<LatestMetrics>();
        services.AddSingleton<Leases.LeaseKeeper>(); // one replica monitors, one supervises nodes
        services.AddSingleton<MonitoringLease>();
        services.AddAlerts();
        return services;
    }
}
