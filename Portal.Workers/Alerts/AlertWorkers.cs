using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Alerts;
using Quartz;

namespace NutPortal.Workers.Alerts;

public static class AlertWorkers
{
    public static IServiceCollection AddAlertWorkers(this IServiceCollection services)
    {
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }

    /// <summary>The evaluation job, every Portal:Alerts:EvaluationIntervalSeconds.</summary>
    public static void AddAlertJobs(this IQuartzBuilder quartz, IConfiguration configuration, bool schedule)
    {
        var options = configuration.GetSection(AlertOptions.Section).Get<AlertOptions>() ?? new AlertOptions();
        quartz.AddJob<AlertEvaluationJob>(j => j.WithIdentity(AlertEvaluationJob.Name).WithDescription("Evaluates alert rules against the latest metrics").StoreDurably());
        if (schedule && options.EvaluationIntervalSeconds > 0)
        {
            quartz.AddTrigger(t => t.ForJob(AlertEvaluationJob.Name).WithIdentity($"{AlertEvaluationJob.Name}-schedule")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.EvaluationIntervalSeconds)).RepeatForever()));
        }
    }
}
