using System.Net;
using NutPortal.Core.Alerts;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Outbound;

namespace NutPortal.Tests.Alerts;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("ff02::1")]
    public void Non_public_addresses_are_refused(string address) => Assert.False(AddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:1.1.1.1")]
    public void Public_addresses_are_allowed(string address) => Assert.True(AddressPolicy.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void Without_data_a_firing_alert_stays_firing()
    {
        var rule = new AlertRule { Id = 1, Name = "down", NetworkId = "n", Metric = Metrics.NodeUp, Comparator = "==", Threshold = 0, CreatedBy = "t" };
        var firing = new Alert { RuleId = 1, NetworkId = "n", State = AlertState.Firing, StartedAt = DateTime.UtcNow };

        var transitions = AlertEvaluator.Step(rule, firing, AlertEvaluator.Read(rule, new LatestMetrics(), DateTime.UtcNow, TimeSpan.FromMinutes(1)), DateTime.UtcNow, out var alert);

        Assert.Empty(transitions);
        Assert.Equal(AlertState.Firing, alert!.State);
    }

    [Fact]
    public void A_rule_on_a_node_metric_without_a_node_fires_for_any_node_and_names_it()
    {
        var now = DateTime.UtcNow;
        var latest = new LatestMetrics();
        latest.Record("n", [new MetricPoint(Metrics.CpuPercent, "a", now, 10), new MetricPoint(Metrics.CpuPercent, "b", now, 95)]);
        var rule = new AlertRule { Id = 1, Name = "hot", NetworkId = "n", Metric = Metrics.CpuPercent, Comparator = ">", Threshold = 90, CreatedBy = "t" };

        var transitions = AlertEvaluator.Step(rule, null, AlertEvaluator.Read(rule, latest, now, TimeSpan.FromMinutes(1)), now, out var alert);

        Assert.Equal([(AlertState.Normal, AlertState.Pending), (AlertState.Pending, AlertState.Firing)], transitions);
        Assert.Equal("b", alert!.NodeId);
        Assert.Equal(95, alert.Value);
    }
}
