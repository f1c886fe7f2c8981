using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Workers.Alerts;

public static class AlertWorkers
{
    /// <summary>The evaluation loop, its engine and the webhook delivery job.</summary>
    public static IServiceCollection AddAlertWorkers(this IServiceCollection services, bool evaluate)
    {
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookQueue>();
        services.AddTransient<WebhookDeliveryJob>();
        if (evaluate)
        {
            services.AddHostedService<AlertEvaluationLoop>();
        }
        return services;
    }
}
