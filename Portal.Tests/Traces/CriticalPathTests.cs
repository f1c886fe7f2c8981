using NutPortal.Core.Traces;

namespace NutPortal.Tests.Traces;

/// <summary>Which stages a transaction's time ran through, on a multi-node network and on an indexed Ethereum one.</summary>
public sealed class CriticalPathTests
{
    private static readonly DateTime T0 = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);

    private static DateTime At(int ms) => T0.AddMilliseconds(ms);

    /// <summary>A Neo-like trace: sent on node-1, the block made by node-3, imported everywhere, final in its block.</summary>
    private static List<StageSpan> NodeByNode(string producer, DateTime final) =>
    [
        new(TraceStages.Submitted, At(0), At(40), "node-1's wallet built, signed and accepted it", "node-1"),
        new(TraceStages.Propagated, At(40), At(90), "in node-2's pool", "node-2"),
        new(TraceStages.Propagated, At(40), At(700), "in node-3's pool", "node-3"),
        new(TraceStages.Propagated, At(40), At(120), "in node-4's pool", "node-4"),
        new(TraceStages.Included, At(40), At(1000), $"block 12, {TraceStages.MadeBy(producer)}first seen on node-2", "node-2"),
        new(TraceStages.Imported, At(1000), At(1010), "node-1 imported block 12", "node-1"),
        new(TraceStages.Imported, At(1000), At(1900), "node-4 imported block 12", "node-4"),
        new(TraceStages.Imported, At(1000), At(1020), "node-2 imported block 12", "node-2"),
        new(TraceStages.Confirmed, At(1000), final, "final in its block (no forks under dBFT)"),
    ];

    [Fact]
    public void The_path_goes_through_the_propagation_to_the_node_that_made_the_block_and_the_slowest_import()
    {
        var path = StageBuilder.CriticalPath(NodeByNode("node-3", At(1010)));

        Assert.Equal(
            [(TraceStages.Submitted, "node-1"), (TraceStages.Propagated, "node-3"), (TraceStages.Included, "node-2"), (TraceStages.Imported, "node-4")],
            path.Select(s => (s.Stage, s.Node)));
    }

    [Fact]
    public void Finality_that_comes_after_every_import_ends_the_path_and_a_block_made_by_the_sender_waited_for_no_propagation()
    {
        var path = StageBuilder.CriticalPath(NodeByNode("node-1", At(6000)));

        Assert.Equal([TraceStages.Submitted, TraceStages.Included, TraceStages.Confirmed], path.Select(s => s.Stage));
    }

    [Fact]
    public void An_ethereum_trace_runs_through_its_pool_and_a_confirmation_still_running_ends_it()
    {
        List<StageSpan> stages =
        [
            new(TraceStages.BuiltAndSigned, At(0), At(5), ""),
            new(TraceStages.Submitted, At(5), At(15), ""),
            new(TraceStages.Pending, At(15), At(1000), "in the node's pool until a block took it"),
            new(TraceStages.Included, At(0), At(1000), "block 7"),
            new(TraceStages.Confirmed, At(1000), null, "depth 2 of 6"),
        ];

        Assert.Equal(
            [TraceStages.BuiltAndSigned, TraceStages.Submitted, TraceStages.Pending, TraceStages.Included, TraceStages.Confirmed],
            StageBuilder.CriticalPath(stages).Select(s => s.Stage));
        Assert.Equal("node-3", TraceStages.ProducerIn($"block 12, {TraceStages.MadeBy("node-3")}first seen on node-2"));
        Assert.Null(TraceStages.ProducerIn("block 7"));
    }
}
