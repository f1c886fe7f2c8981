using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NutPortal.Core.Monitoring;
using NutPortal.Workers.IdentityChain;
using NutPortal.Workers.Monitoring;
using NutPortal.Workers.Oracle;

namespace NutPortal.Workers.Jobs;

/// <summary>
/// Puts the portal's recurring jobs in Hangfire's storage at start, under stable ids and in UTC; every replica
/// writes the same definition, and Hangfire fires each occurrence once across replicas.
/// </summary>
internal sealed class RecurringJobRegistrar(IRecurringJobManager recurring, IOptions<MonitoringOptions> monitoring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        AddOrUpdate<MetricRollupJob>(MetricRollupJob.Id, j => j.RunAsync(CancellationToken.None), monitoring.Value.RollupCron, "Portal:Monitoring:RollupCron");
        AddOrUpdate<IdentityChallengeCleanupJob>(IdentityChallengeCleanupJob.Id, j => j.RunAsync(CancellationToken.None), IdentityChallengeCleanupJob.Cron, "identity-challenge-cleanup");
        AddOrUpdate<OracleFulfilmentRecoveryJob>(OracleFulfilmentRecoveryJob.Id, j => j.RunAsync(CancellationToken.None), OracleFulfilmentRecoveryJob.Cron, "oracle-fulfilment-recovery");
        return Task.CompletedTask;
    }

    private void AddOrUpdate<TJob>(string id, System.Linq.Expressions.Expression<Func<TJob, Task>> call, string cron, string setting)
    {
        try
        {
            recurring.AddOrUpdate(id, JobQueues.Default, call, cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
        catch (ArgumentException ex)
        {
            throw new OptionsValidationException(setting, typeof(string), [$"{setting} '{cron}' is not a valid cron expression: {ex.Message}"]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
