using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Workers.Explorer;
using NutPortal.Workers.Jobs;
using NutPortal.Workers.Networks;
using NutPortal.Workers.Maintenance;
using NutPortal.Workers.Scanning;
using NutPortal.Core.Scanning;
using NutPortal.Workers.Monitoring;
using NutPortal.Workers.Alerts;
using NutPortal.Workers.ContractTests;
using Quartz;

namespace NutPortal.Workers;

public static class WorkersServiceCollectionExtensions
{
    /// <summary>Quartz hosted in the portal process and every background job the portal schedules.</summary>
    public static IServiceCollection AddPortalWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => CronExpression.TryParse(o.JobRunRetentionCron, out _), "Portal:Workers:JobRunRetentionCron is not a valid Quartz cron expression.")
            .ValidateOnStart();

        var options = configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>() ?? new WorkerOptions();
        services.AddQuartz(q =>
        {
            q.AddJob<DeployNetworkJob>(j => j.WithIdentity(DeployNetworkJob.Name).WithDescription("Deploys a network from its profile, step by step").StoreDurably());
            q.AddJob<ScanJob>(j => j.WithIdentity(ScanJob.Name).WithDescription("Scans Solidity source for vulnerabilities").StoreDurably());
            q.AddJob<JobRunRetentionJob>(j => j.WithIdentity(JobRunRetentionJob.Name).WithDescription("Deletes old job-run records").StoreDurably());
            if (options.Enabled && CronExpression.TryParse(options.JobRunRetentionCron, out _))
            {
                q.AddTrigger(t => t.ForJob(JobRunRetentionJob.Name).WithIdentity($"{JobRunRetentionJob.Name}-schedule").WithCronSchedule(options.JobRunRetentionCron));
            }
            q.AddMonitoringJobs(configuration, options.Enabled);
            q.AddAlertJobs(configuration, options.Enabled);
            q.AddContractTestJobs();
        });
        services.AddSingleton<JobDashboard>();
        services.AddSingleton<INetworkDeploymentQueue, QuartzDeploymentQueue>();
        services.AddSingleton<NetworkDeployer>();
        services.AddSingleton<IScanQueue, QuartzScanQueue>();
        services.AddSingleton<BlockHeightTracker>();
        services.AddSingleton<BlockProducer>();
        services.AddHostedService<NodeSupervisor>();
        services.AddHostedService<ChainIndexerHost>();
        services.AddMonitoringWorkers();
        services.AddAlertWorkers();
        services.AddContractTestWorkers();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
