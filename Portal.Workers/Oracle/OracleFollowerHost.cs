using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NutPortal.Core.Oracle;
using NutPortal.Core.Oracle.Chain;

namespace NutPortal.Workers.Oracle;

/// <summary>
/// Follows the oracle contracts' request events (a continuous stream, so a hosted service on a timer, not a job).
/// With several replicas each follows; a request event is still stored once (its chain key is unique).
/// </summary>
internal sealed class OracleFollowerHost(OracleChainFollower follower, IOptions<OracleOptions> options, IOptions<WorkerOptions> workers) : BackgroundService
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
            await follower.FollowOnceAsync(stoppingToken);
        }
    }
}
