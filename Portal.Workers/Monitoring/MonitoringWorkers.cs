using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Live;

namespace NutPortal.Workers.Monitoring;

public static class MonitoringWorkers
{
    /// <summary>The collector (a hosted service with its own timer), its samplers, workloads and the roll-up job.</summary>
    public static IServiceCollection AddMonitoringWorkers(this IServiceCollection services)
    {
        services.AddSingleton<ChainSampler>();
        services.AddSingleton<BlockSampler>();
        services.AddSingleton<ProcessSampler>();
        services.AddSingleton<MetricsCollector>();
        services.AddSingleton<WorkloadTransactions>();
        services.AddSingleton<TraceWatcher>();
        services.AddSingleton<WorkloadRunner>();
        services.AddLiveEvent(typeof(WorkloadFinished));
        services.AddTransient<MetricRollupJob>();
        services.AddTransient<WorkloadJob>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricsCollector>());
        services.AddHostedService(sp => sp.GetRequiredService<TraceWatcher>());
        return services;
    }
}
