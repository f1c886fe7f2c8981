using NutPortal.Core.Monitoring;
using NutPortal.Workers.Monitoring;

namespace NutPortal.Tests.Monitoring;

public sealed class BlockWindowTests
{
    private static readonly DateTime LastBlock = new(2026, 12, 3, 10, 0, 10, DateTimeKind.Utc);

    [Theory]
    [InlineData(1.9)]
    [InlineData(2.5)] // a 1 s block made at 10.9 s carries 10 s; at 12.5 s the next one is only 0.6 s late
    public void A_block_a_fraction_late_on_a_one_second_chain_keeps_the_last_rate(double secondsSince)
    {
        var points = new List<MetricPoint>();
        BlockWindow.AddIdle(points, LastBlock.AddSeconds(secondsSince), LastBlock, interval: 1);
        Assert.Empty(points);
    }

    [Fact]
    public void A_chain_that_stopped_making_blocks_reads_zero_tps()
    {
        var points = new List<MetricPoint>();
        BlockWindow.AddIdle(points, LastBlock.AddSeconds(3), LastBlock, interval: 1);
        var point = Assert.Single(points);
        Assert.Equal((Metrics.Tps, 0d), (point.Metric, point.Value));
    }

    [Fact]
    public void Slow_chains_are_overdue_after_twice_their_interval()
    {
        Assert.False(BlockWindow.IsOverdue(LastBlock.AddSeconds(30), LastBlock, interval: 15));
        Assert.True(BlockWindow.IsOverdue(LastBlock.AddSeconds(31), LastBlock, interval: 15));
    }
}
