namespace NutPortal.Web.Components.Shared;

/// <summary>
/// Collapses bursts of live events into at most one refresh per interval: the first event schedules a run
/// after the interval and returns at once (publishers never wait on a page); events arriving meanwhile ride
/// along. Failures of a refresh (a page being torn down) are dropped.
/// </summary>
public sealed class Throttle(TimeSpan interval)
{
    private int _scheduled;

    public Task RunAsync(Func<Task> refresh)
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                await Task.Delay(interval);
                Interlocked.Exchange(ref _scheduled, 0);
                try
                {
                    await refresh();
                }
                catch (ObjectDisposedException)
                {
                    // The page went away before the refresh ran.
                }
            });
        }
        return Task.CompletedTask;
    }
}
