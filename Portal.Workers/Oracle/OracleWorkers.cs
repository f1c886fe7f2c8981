using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Oracle;

namespace NutPortal.Workers.Oracle;

internal static class OracleWorkers
{
    /// <summary>The oracle's jobs (request attempts, fulfilments, scheduled runs) and the chain follower.</summary>
    public static IServiceCollection AddOracleWorkers(this IServiceCollection services)
    {
        services.AddSingleton<IOracleQueue, HangfireOracleQueue>();
        services.AddSingleton<IOracleScheduleRegistry, HangfireOracleScheduleRegistry>();
        services.AddTransient<OracleRequestJob>();
        services.AddTransient<OracleFulfilmentJob>();
        services.AddTransient<OracleFulfilmentRecoveryJob>();
        services.AddTransient<OracleScheduleJob>();
        services.AddHostedService<OracleFollowerHost>();
        return services;
    }
}
