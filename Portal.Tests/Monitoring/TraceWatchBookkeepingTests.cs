using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Transfers;
using NutPortal.Core.Traces;
using NutPortal.Workers.Monitoring;

namespace NutPortal.Tests.Monitoring;

/// <summary>
/// The trace watcher's bookkeeping on one network, with a scripted platform: what a real chain cannot be made to
/// do on demand (a node answering garbage in a given round, a transaction never seen in a pool, a block reward).
/// The real-node paths are in NeoNetworkTests and LitecoinNetworkTests.
/// </summary>
public sealed class TraceWatchBookkeepingTests
{
    private static readonly NetworkNode[] Nodes = [Node("node-1"), Node("node-2"), Node("node-3")];

    [Fact]
    public async Task A_transaction_is_written_once_with_a_span_per_node_then_forgotten_and_the_coinbase_never()
    {
        var (chain, clock, watch) = Start(depth: 2);
        await RoundAsync(watch); // every node's head is known: history before it is not news
        chain.Pool("node-1", "tx-a");
        await RoundAsync(watch, clock);
        chain.Pool("node-2", "tx-a");
        chain.Pool("node-3", "tx-a");
        await RoundAsync(watch, clock);
        chain.Mine("b1", "node-2", ["coinbase-1", "tx-a"], coinbase: "coinbase-1", on: ["node-1", "node-2"]);
        Assert.Empty(await RoundAsync(watch, clock)); // node-3 has not imported it and it is one block deep of two
        chain.Import("b1", "node-3");
        chain.Mine("b2", "node-1", ["coinbase-2"], coinbase: "coinbase-2", on: ["node-1", "node-2", "node-3"]);

        var spans = await RoundAsync(watch, clock);

        Assert.All(spans, s => Assert.Equal("tx-a", s.TransactionHash)); // block rewards were sent by no one
        Assert.Equal([("node-2", 1000.0), ("node-3", 1000.0)], Stages(spans, TraceStages.Propagated));
        var included = Assert.Single(spans, s => s.Stage == TraceStages.Included);
        Assert.Equal("block 1, made by node-2, first seen on node-1", included.Detail);
        Assert.Equal(["node-1", "node-2", "node-3"], Stages(spans, TraceStages.Imported).Select(s => s.Node));
        Assert.Equal(1000, Stages(spans, TraceStages.Imported).Single(s => s.Node == "node-3").Ms);
        Assert.Contains("2 confirmations", Assert.Single(spans, s => s.Stage == TraceStages.Confirmed).Detail, StringComparison.Ordinal);
        Assert.Equal(0, watch.Watching);

        chain.Pool("node-3", "tx-a"); // a node that still shows it (a reorganisation put it back) does not make a second trace
        chain.Mine("b3", "node-1", ["coinbase-3", "tx-a"], coinbase: "coinbase-3", on: ["node-1", "node-2", "node-3"]);
        chain.Mine("b4", "node-1", ["coinbase-4"], coinbase: "coinbase-4", on: ["node-1", "node-2", "node-3"]);
        Assert.Empty(await RoundAsync(watch, clock));
        Assert.Equal(0, watch.Watching);
    }

    [Fact]
    public async Task A_transaction_first_seen_in_a_block_is_traced_without_propagation_and_a_workloads_own_is_left_to_it()
    {
        var (chain, clock, watch) = Start(depth: 1);
        await RoundAsync(watch);
        chain.Pool("node-1", "mine");
        await RoundAsync(watch, clock);
        chain.Mine("b1", "node-1", ["quick", "mine"], on: ["node-1", "node-2", "node-3"]);

        var spans = await RoundAsync(watch, clock, skip: tx => tx == "mine");

        Assert.DoesNotContain(spans, s => s.TransactionHash == "mine");
        Assert.DoesNotContain(spans, s => s.Stage == TraceStages.Propagated);
        Assert.EndsWith("not seen in any node's pool", Assert.Single(spans, s => s.Stage == TraceStages.Included).Detail, StringComparison.Ordinal);
        Assert.Equal(3, spans.Count(s => s.Stage == TraceStages.Imported));
        Assert.Equal("final in its block (no forks under dBFT)", Assert.Single(spans, s => s.Stage == TraceStages.Confirmed).Detail);
    }

    [Fact]
    public async Task A_node_answering_garbage_is_counted_and_skipped_and_a_transaction_it_never_imports_is_written_after_the_timeout()
    {
        var (chain, clock, watch) = Start(depth: 1);
        await RoundAsync(watch);
        chain.Garbage.Add("node-3");
        chain.Mine("b1", "node-1", ["tx"], on: ["node-1", "node-2"]);

        Assert.Empty(await RoundAsync(watch, clock));
        Assert.Equal(1, watch.Errors);
        clock.Advance(watch.Timeout);
        var spans = await RoundAsync(watch, clock);

        Assert.Equal(2, watch.Errors);
        Assert.Equal(["node-1", "node-2"], Stages(spans, TraceStages.Imported).Select(s => s.Node));
        Assert.Equal(0, watch.Watching);
    }

    [Fact]
    public async Task A_network_s_watch_holds_at_most_its_cap_and_drops_transactions_never_included_but_keeps_included_ones_awaiting_import()
    {
        var (chain, clock, watch) = Start(depth: 1, blockIntervalSeconds: 3600); // an included transaction waits two hours for the nodes' imports
        await RoundAsync(watch);
        chain.Mine("b1", "node-1", ["early"], on: ["node-1"]); // node-2 and node-3 do not import it yet
        await RoundAsync(watch, clock);
        for (var i = 0; i < NetworkTraceWatch.MaxTransactions + 10; i++)
        {
            chain.Pool("node-1", $"tx-{i}");
        }

        await RoundAsync(watch, clock);
        Assert.Equal(NetworkTraceWatch.MaxTransactions, watch.Watching);
        Assert.Equal(11, watch.Dropped);

        clock.Advance(NetworkTraceWatch.PoolTimeout);
        Assert.Empty(await RoundAsync(watch, clock));
        Assert.Equal(1, watch.Watching); // the ones never included are dropped without a trace; the included one waits
        Assert.Empty(await RoundAsync(watch, clock));
        Assert.Equal(12, watch.Watching); // the 11 that did not fit come in now; the others are not watched again while the pool still shows them
    }

    [Fact]
    public async Task Old_blocks_reaching_a_node_that_catches_up_give_no_traces_while_the_next_new_block_is_traced()
    {
        var (chain, clock, watch) = Start(depth: 1);
        chain.Mine("b1", "node-1", ["before-the-watch"], on: ["node-1", "node-2"]); // node-3 is behind when the watch starts
        await RoundAsync(watch);
        chain.Import("b1", "node-3");
        Assert.Empty(await RoundAsync(watch, clock));
        Assert.Equal(0, watch.Watching);

        chain.Mine("b2", "node-2", ["new"], on: ["node-1", "node-2", "node-3"]);
        var spans = await RoundAsync(watch, clock);
        clock.Advance(watch.Timeout);
        var later = await RoundAsync(watch, clock);

        Assert.All(spans, s => Assert.Equal("new", s.TransactionHash));
        Assert.Equal(3, spans.Count(s => s.Stage == TraceStages.Imported));
        Assert.Empty(later); // the old block's transaction was never taken up, so the timeout writes nothing for it
    }

    [Fact]
    public async Task A_transaction_that_waited_in_the_pools_past_the_timeout_still_waits_for_every_nodes_import_of_its_block()
    {
        var (chain, clock, watch) = Start(depth: 1);
        await RoundAsync(watch);
        chain.Pool("node-1", "waited");
        await RoundAsync(watch, clock);
        clock.Advance(watch.Timeout * 2); // a halted chain: no block for a long while
        chain.Mine("b1", "node-1", ["waited"], on: ["node-1", "node-2"]);

        Assert.Empty(await RoundAsync(watch, clock)); // node-3 has not imported the block yet
        chain.Import("b1", "node-3");
        var spans = await RoundAsync(watch, clock);

        Assert.Equal(["node-1", "node-2", "node-3"], Stages(spans, TraceStages.Imported).Select(s => s.Node));
        Assert.Single(spans, s => s.Stage == TraceStages.Confirmed);
    }

    private static (ScriptedChain, ManualClock, NetworkTraceWatch) Start(int depth, int blockIntervalSeconds = 1)
    {
        var chain = new ScriptedChain(depth);
        var clock = new ManualClock();
        return (chain, clock, new NetworkTraceWatch(chain, new NetworkProfile { BlockIntervalSeconds = blockIntervalSeconds }, clock));
    }

    /// <summary>One second passes, then the watch reads every node.</summary>
    private static Task<IReadOnlyList<TraceSpan>> RoundAsync(NetworkTraceWatch watch, ManualClock? clock = null, Func<string, bool>? skip = null)
    {
        clock?.Advance(TimeSpan.FromSeconds(1));
        return watch.RoundAsync("net", Nodes, Nodes, skip ?? (_ => false), CancellationToken.None);
    }

    private static List<(string? Node, double Ms)> Stages(IEnumerable<TraceSpan> spans, string stage) =>
        [.. spans.Where(s => s.Stage == stage).OrderBy(s => s.Node, StringComparer.Ordinal).Select(s => (s.Node, (s.EndedAt - s.StartedAt).TotalMilliseconds))];

    private static NetworkNode Node(string name) => new() { Id = name, NetworkId = "net", Name = name, DataDirectory = "/nowhere", Status = NodeStatus.Up, RpcUrl = "http://127.0.0.1:1" };

    private sealed class ManualClock : TimeProvider
    {
        private DateTime _now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => new(_now, TimeSpan.Zero);
    }

    /// <summary>Nodes whose pools and heads a test sets: a block is "mined" onto the heads of the nodes named.</summary>
    private sealed class ScriptedChain(int depth) : ITransferPlatform
    {
        private readonly Dictionary<string, HashSet<string>> _pools = Nodes.ToDictionary(n => n.Name, _ => new HashSet<string>());
        private readonly Dictionary<string, (string Head, long Height)> _heads = Nodes.ToDictionary(n => n.Name, _ => ("genesis", 0L));
        private readonly Dictionary<string, BlockView> _blocks = new() { ["genesis"] = new BlockView("genesis", "", 0, []) };

        public HashSet<string> Garbage { get; } = [];

        public int FinalityDepth(NetworkProfile profile) => depth;

        public void Pool(string node, string tx) => _pools[node].Add(tx);

        public void Mine(string hash, string producer, IReadOnlyList<string> txs, IReadOnlyList<string> on, string? coinbase = null)
        {
            var parent = _blocks.Values.MaxBy(b => b.Height)!;
            _blocks[hash] = new BlockView(hash, parent.Hash, parent.Height + 1, txs, $"key-{producer}", coinbase);
            foreach (var node in on)
            {
                Import(hash, node);
            }
        }

        public void Import(string hash, string node)
        {
            _heads[node] = (hash, _blocks[hash].Height);
            _pools[node].ExceptWith(_blocks[hash].Transactions);
        }

        public Task<NodeView> ViewAsync(NetworkNode node, CancellationToken ct) => Garbage.Contains(node.Name)
            ? Task.FromException<NodeView>(new NodeRpcException("getrawmempool answer: a string was expected"))
            : Task.FromResult(new NodeView(_pools[node.Name].ToHashSet(), _heads[node.Name].Height, _heads[node.Name].Head));

        public Task<BlockView> BlockAsync(NetworkNode node, string hash, CancellationToken ct) => Task.FromResult(_blocks[hash]);

        public Task<string?> ProducerKeyAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct) => Task.FromResult<string?>($"key-{node.Name}");

        public Task<string> PrepareTransfersAsync(NetworkProfile profile, NetworkNode sender, IReadOnlyList<NetworkNode> nodes, int transfers, CancellationToken ct) =>
            throw new NotSupportedException("the watcher sends nothing");

        public Task<string> SendTransferAsync(NetworkNode sender, CancellationToken ct) => throw new NotSupportedException("the watcher sends nothing");

        public bool CanSend(NetworkProfile profile, NetworkNode node) => false;
    }
}
