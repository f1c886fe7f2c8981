using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Alerts;

/// <summary>Samples every second, evaluates alerts every <see cref="EvaluationSeconds"/> s, and lets webhooks reach 127.0.0.1.</summary>
public sealed class AlertPortalFactory : PortalFactory
{
    public const int EvaluationSeconds = 3;

    public AlertPortalFactory()
    {
        WithSetting("Portal:Monitoring:SampleIntervalSeconds", "1");
        WithSetting("Portal:Alerts:EvaluationIntervalSeconds", EvaluationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WithSetting("Portal:Alerts:WebhookFirstRetrySeconds", "0.2");
        WithSetting("Portal:Outbound:AllowedHosts:0", "127.0.0.1");
    }
}
