using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Monitoring;
using Quartz;

namespace NutPortal.Workers.Monitoring;

public static class MonitoringWorkers
{
    /// <summary>The collector (a hosted service with its own timer) and its samplers.</summary>
    public static IServiceCollection AddMonitoringWorkers(this IServiceCollection services)
    {
        services.AddOptions<MonitoringOptions>()
            .Validate(o => CronExpression.TryParse(o.RollupCron, out _), "Portal:Monitoring:RollupCron is not a valid Quartz cron expression.");
        services.AddSingleton<ChainSampler>();
        services.AddSingleton<ProcessSampler>();
        services.AddSingleton<MetricsCollector>();
        services.AddSingleton<WorkloadRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricsCollector>());
        return services;
    }

    /// <summary>The roll-up and retention job, scheduled by <c>Portal:Monitoring:RollupCron</c>.</summary>
    public static void AddMonitoringJobs(this IQuartzBuilder quartz, IConfiguration configuration, bool schedule)
    {
        var options = configuration.GetSection(MonitoringOptions.Section).Get<MonitoringOptions>() ?? new MonitoringOptions();
        quartz.AddJob<MetricRollupJob>(j => j.WithIdentity(MetricRollupJob.Name).WithDescription("Averages metric samples per minute and hour; deletes expired ones").StoreDurably());
        if (schedule && CronExpression.TryParse(options.RollupCron, out _))
        {
            quartz.AddTrigger(t => t.ForJob(MetricRollupJob.Name).WithIdentity($"{MetricRollupJob.Name}-schedule").WithCronSchedule(options.RollupCron));
        }
    }
}
