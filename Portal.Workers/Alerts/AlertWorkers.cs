using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Workers.Alerts;

public static class AlertWorkers
{
    /// <summary>The evaluation loop, its engine and the webhook dispatcher.</summary>
    public static IServiceCollection AddAlertWorkers(this IServiceCollection services, bool evaluate)
    {
        services.AddSingleton<AlertEngine>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        if (evaluate)
        {
            services.AddHostedService<AlertEvaluationLoop>();
        }
        return services;
    }
}
