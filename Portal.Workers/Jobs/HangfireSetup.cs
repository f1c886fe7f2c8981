using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NutPortal.Core.Configuration;

namespace NutPortal.Workers.Jobs;

/// <summary>
/// Hangfire: storage on its own SQLite file in the data directory (embedded default) or in schema
/// <c>hangfire</c> of the portal's PostgreSQL database, and two servers: the default queue and a one-worker
/// transactions queue. Storage, activator and filters are this host's own services rather than Hangfire's
/// process-wide defaults, so two portals in one process (tests, benches) never share a job store.
/// </summary>
internal static class HangfireSetup
{
    public const string SqliteFile = "hangfire.db";
    public const string PostgresSchema = "hangfire";

    public static IServiceCollection AddPortalHangfire(this IServiceCollection services, IConfiguration configuration, WorkerOptions options)
    {
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp, configuration));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<JobRunPublisher>();
        services.AddSingleton<IJobFilterProvider>(sp =>
        {
            var filters = new JobFilterCollection();
            filters.Add(sp.GetRequiredService<JobRunPublisher>());
            filters.Add(new JobRetentionFilter(TimeSpan.FromDays(sp.GetRequiredService<IOptions<WorkerOptions>>().Value.JobRetentionDays)));
            return new JobFilterProviderCollection(JobFilterProviders.Providers, filters);
        });
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (options.Enabled)
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:default";
                o.Queues = [JobQueues.Default];
                o.WorkerCount = options.DefaultQueueWorkers;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(options.SchedulePollingSeconds);
                o.ShutdownTimeout = TimeSpan.FromSeconds(10);
            });
            services.AddHangfireServer((sp, o) =>
            {
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:transactions";
                o.Queues = [JobQueues.Transactions];
                o.WorkerCount = 1;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(options.SchedulePollingSeconds);
                o.ShutdownTimeout = TimeSpan.FromSeconds(10);
            });
            services.AddHostedService<RecurringJobRegistrar>();
        }
        return services;
    }

    private static JobStorage CreateStorage(IServiceProvider services, IConfiguration configuration)
    {
        var portal = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var workers = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
        var invisibility = TimeSpan.FromSeconds(workers.InvisibilityTimeoutSeconds);
        if (portal.Database.Provider == DatabaseProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = PostgresSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromMilliseconds(workers.QueuePollMilliseconds),
                EnableLongPolling = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = invisibility,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(configuration.GetConnectionString("Portal")!, options), options);
        }
        Directory.CreateDirectory(portal.ResolvedDataDirectory);
        return new SQLiteStorage(Path.Combine(portal.ResolvedDataDirectory, SqliteFile), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(workers.QueuePollMilliseconds),
            // This storage does not renew running jobs: a job is handed out again after this long even if it still
            // runs, so it stays above the longest job (a 10-minute workload). One process uses the file, and
            // interrupted work is ended at start instead (InterruptedWorkSweeper).
            InvisibilityTimeout = TimeSpan.FromMinutes(30),
            // Write-ahead log, as the portal's own database: with the default rollback journal each enqueue waits on fsyncs.
            JournalMode = SQLiteStorageOptions.JournalModes.WAL,
        });
    }
}
