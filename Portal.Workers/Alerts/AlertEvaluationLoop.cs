using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Alerts;
using NutPortal.Core.Monitoring;

namespace NutPortal.Workers.Alerts;

/// <summary>
/// Evaluates every alert rule each <c>Portal:Alerts:EvaluationIntervalSeconds</c> on the replica holding the
/// monitoring lease (it holds the latest values in memory). A hosted loop rather than a recurring Hangfire job:
/// Hangfire fires recurring jobs only at its schedule polling and writes a job with its states per occurrence,
/// while an evaluation that changes nothing writes nothing here; what must be sent goes out as webhook jobs.
/// </summary>
internal sealed class AlertEvaluationLoop(AlertEngine engine, MonitoringLease lease, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertEvaluationLoop> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.EvaluationIntervalSeconds), clock);
        do
        {
            try
            {
                if (await lease.TryHoldAsync(stoppingToken))
                {
                    var changed = await engine.EvaluateAsync(stoppingToken);
                    if (changed > 0)
                    {
                        logger.LogInformation("{Count} alert(s) changed state", changed);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Alert evaluation failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
