using NutPortal.Core.Explorer;
using NutPortal.Core.Traces;

namespace NutPortal.Tests.Traces;

public sealed class StageTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_portal_sent_transaction_has_every_stage_in_order_and_pending_never_runs_backwards()
    {
        var tx = Tx(10);
        TraceSpan[] recorded =
        [
            Span(TraceStages.Submitted, T0.AddMilliseconds(20), T0.AddMilliseconds(1500)),
            Span(TraceStages.BuiltAndSigned, T0, T0.AddMilliseconds(20)),
        ];
        // The block's whole-second timestamp is earlier than the submission's end.
        var blocks = new StageBlocks(T0.AddSeconds(1), T0, Block(16, T0.AddSeconds(7)), 20, 6);

        var stages = StageBuilder.Build(tx, blocks, recorded);

        Assert.Equal(TraceStages.All, stages.Select(s => s.Stage));
        Assert.Equal(0, stages[2].DurationMilliseconds);
        Assert.Equal(6000, stages[4].DurationMilliseconds);
        Assert.Equal(TraceStages.Confirmed, StageBuilder.Slowest(stages));
    }

    [Fact]
    public void An_unconfirmed_chain_only_transaction_has_an_open_confirmation_stage_with_its_depth()
    {
        var stages = StageBuilder.Build(Tx(10), new StageBlocks(T0.AddSeconds(2), T0, null, 12, 6), []);

        Assert.Equal([TraceStages.Included, TraceStages.Confirmed], stages.Select(s => s.Stage));
        Assert.Equal(2000, stages[0].DurationMilliseconds);
        Assert.Null(stages[1].End);
        Assert.Equal("depth 2 of 6", stages[1].Detail);
        Assert.Equal(TraceStages.Included, StageBuilder.Slowest(stages));
    }

    [Theory]
    [InlineData(new double[] { 5 }, 0.5, 5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.95, 10)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 0.5, 5)]
    public void Percentiles_are_nearest_rank(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, TraceOverview.Percentile(sorted, p));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1000000000000000000", "1")]
    [InlineData("1500000000000000000", "1.5")]
    [InlineData("1", "0.000000000000000001")]
    [InlineData("garbage", "0")]
    public void Wei_shows_as_eth_without_trailing_zeros(string wei, string eth) => Assert.Equal(eth, Wei.ToEth(wei));

    private static ChainTransaction Tx(long block) =>
        new() { NetworkId = "n", Hash = "0x" + new string('a', 64), BlockNumber = block, From = "0x" + new string('1', 40), Value = "0", Input = "0x" };

    private static ChainBlock Block(long number, DateTime time) =>
        new() { NetworkId = "n", Number = number, Hash = "0x" + new string('b', 64), ParentHash = "0x" + new string('c', 64), Timestamp = time };

    private static TraceSpan Span(string stage, DateTime start, DateTime end) =>
        new() { NetworkId = "n", TransactionHash = "0x" + new string('a', 64), Stage = stage, StartedAt = start, EndedAt = end };
}
