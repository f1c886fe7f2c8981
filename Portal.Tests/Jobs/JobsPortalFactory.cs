using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Jobs;

/// <summary>A portal whose Hangfire server moves due retries and schedules every second (the default is 15 s).</summary>
public sealed class JobsPortalFactory : PortalFactory
{
    public JobsPortalFactory()
    {
        WithSetting("Portal:Workers:SchedulePollingSeconds", "1");
        WithSetting("Portal:Workers:QueuePollMilliseconds", "200");
    }
}
