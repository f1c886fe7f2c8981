using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Core.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>Metric storage and the in-memory latest values (settings under Portal:Monitoring).</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddOptions<MonitoringOptions>()
            .BindConfiguration(MonitoringOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MetricStore>();
        services.AddSingleton<LatestMetrics>();
        return services;
    }
}
