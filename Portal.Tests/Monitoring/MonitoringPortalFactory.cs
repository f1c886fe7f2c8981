using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Monitoring;

/// <summary>A portal that samples every second and evaluates alerts every second, so tests see results quickly.</summary>
public sealed class MonitoringPortalFactory : PortalFactory
{
    public MonitoringPortalFactory()
    {
        WithSetting("Portal:Monitoring:SampleIntervalSeconds", "1");
        WithSetting("Portal:Alerts:EvaluationIntervalSeconds", "1");
    }
}
