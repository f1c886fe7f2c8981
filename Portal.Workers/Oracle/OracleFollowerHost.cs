using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NutPortal.Core.Oracle;
using NutPortal.Core.Oracle.Chain;

namespace NutPortal.Workers.Oracle;

/// <summary>
/// Follows the oracle contracts' request events (a continuous stream, so a hosted service on a timer, not a job).
/// With several replicas each follows; a request event is still stored once (its chain key is unique).
/// </summary>
internal sealed partial class OracleFollowerHost(
    OracleChainFollower follower, IOptions<OracleOptions> options, IOptions<WorkerOptions> workers, ILogger<OracleFollowerHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!workers.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.FollowIntervalMilliseconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await follower.FollowOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad pass (a database hiccup) must not stop following: the next tick reads from the same block.
                LogPassFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Oracle follower pass failed; retrying on the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
