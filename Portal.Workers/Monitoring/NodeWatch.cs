using System.Collections.Concurrent;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Transfers;

namespace NutPortal.Workers.Monitoring;

/// <summary>How often a transfer workload reads every node.</summary>
public static class NodeWatchOptions
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
}

/// <summary>When one transaction was first seen on one node, and in which block.</summary>
internal sealed record NodeSighting(DateTime? InPool, DateTime? Imported);

/// <summary>
/// A block and when the portal first saw it on any node, on which, and which node made it (when known). <paramref name="Tip"/>:
/// it was above every block any node had shown before (new on the chain, not history reaching a node that catches up).
/// </summary>
internal sealed record BlockSighting(string Hash, long Height, DateTime At, string Node, string? Producer = null, bool Tip = true);

/// <summary>
/// Watches every node of a network: each round it reads every node's pool and head, and notes per transaction and
/// node when the transaction first sat in that node's pool and when the node imported the block that includes it.
/// A workload watches its own transactions (<see cref="Watch"/>) every <see cref="NodeWatchOptions.Interval"/>; the
/// <see cref="TraceWatcher"/> watches <paramref name="everything"/> it sees, at most <paramref name="maxTransactions"/>
/// at once. Times are the portal's observations, so they are at most one round (plus one RPC round trip) late.
/// </summary>
internal sealed class NodeWatch(
    ITransferPlatform platform, IReadOnlyList<NetworkNode> nodes, TimeProvider time, IReadOnlyDictionary<string, string>? producers = null,
    bool everything = false, int maxTransactions = int.MaxValue)
{
    private const int MaxBlocksBack = 50;

    private readonly ConcurrentDictionary<string, DateTime> _watched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Tx, string Node), DateTime> _inPool = new();
    private readonly ConcurrentDictionary<(string Tx, string Node), DateTime> _imported = new();
    private readonly ConcurrentDictionary<string, BlockSighting> _blocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _blockOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NodeHead> _heads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> _finished = new(StringComparer.Ordinal);
    private int _errors;
    private int _dropped;
    private long _highest = -1;

    /// <summary>RPC failures while watching (a node that misses a read is read again next round).</summary>
    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Transactions not watched because <c>maxTransactions</c> were watched already.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>The transactions watched, with when each was first seen (or, for a workload's, sent).</summary>
    public IReadOnlyDictionary<string, DateTime> Watched => _watched;

    public void Watch(string tx, string sender, DateTime acceptedAt)
    {
        _watched[tx] = acceptedAt;
        _inPool.TryAdd((tx, sender), acceptedAt); // the sending node has it once it answered
    }

    /// <summary>
    /// Drops everything known of <paramref name="tx"/> (once its trace is written, or given up on) and, until
    /// <see cref="ExpireFinished"/> lets it go, does not watch it again when a node still shows it.
    /// </summary>
    public void Forget(string tx, DateTime now)
    {
        _finished[tx] = now;
        _watched.TryRemove(tx, out _);
        _blockOf.TryRemove(tx, out _);
        foreach (var node in _heads.Keys)
        {
            _inPool.TryRemove((tx, node), out _);
            _imported.TryRemove((tx, node), out _);
        }
    }

    /// <summary>Drops the blocks below <paramref name="height"/> (no watched transaction's finality needs them any more).</summary>
    public void ForgetBlocksBelow(long height)
    {
        foreach (var block in _blocks.Values.Where(b => b.Height < height))
        {
            _blocks.TryRemove(block.Hash, out _);
        }
    }

    /// <summary>Lets go of forgotten transactions forgotten before <paramref name="before"/>.</summary>
    public void ExpireFinished(DateTime before)
    {
        foreach (var (tx, at) in _finished.Where(f => f.Value < before))
        {
            _finished.TryRemove(tx, out _);
        }
    }

    /// <summary>The nodes whose pool held <paramref name="tx"/> when read.</summary>
    public IReadOnlyList<string> PoolsHolding(string tx) => [.. _heads.Keys.Where(n => _inPool.ContainsKey((tx, n))).Order(StringComparer.Ordinal)];

    public NodeSighting Sighting(string tx, string node) =>
        new(_inPool.TryGetValue((tx, node), out var p) ? p : null, _imported.TryGetValue((tx, node), out var i) ? i : null);

    /// <summary>The block that includes <paramref name="tx"/>, as first seen anywhere; null while none does.</summary>
    public BlockSighting? BlockOf(string tx) => _blockOf.TryGetValue(tx, out var hash) && _blocks.TryGetValue(hash, out var block) ? block : null;

    public bool ImportedEverywhere(string tx) => ImportedOn(tx, nodes);

    public bool ImportedOn(string tx, IEnumerable<NetworkNode> on) => on.All(n => _imported.ContainsKey((tx, n.Name)));

    /// <summary>The highest block seen on any node; null before the first new block.</summary>
    public long? HighestBlock => _blocks.IsEmpty ? null : _blocks.Values.Max(b => b.Height);

    /// <summary>When a block at <paramref name="height"/> was first seen on any node; null while none was.</summary>
    public DateTime? FirstAtHeight(long height) =>
        _blocks.Values.Where(b => b.Height == height).Select(b => (DateTime?)b.At).Min();

    /// <summary>Reads every node each interval until <paramref name="done"/> says so or <paramref name="ct"/> ends.</summary>
    public async Task RunAsync(Func<bool> done, CancellationToken ct)
    {
        await RoundAsync(nodes, ct);
        while (!done() && !ct.IsCancellationRequested)
        {
            await RoundAsync(nodes, ct);
            await Task.Delay(NodeWatchOptions.Interval, ct);
        }
    }

    /// <summary>
    /// Reads each of <paramref name="reading"/> once, concurrently. A node read for the first time only gives its
    /// head (its earlier blocks are history, not news); a node that fails is counted and read again next round.
    /// </summary>
    public Task RoundAsync(IReadOnlyList<NetworkNode> reading, CancellationToken ct) => Task.WhenAll(reading.Select(n => ReadAsync(n, ct)));

    private bool Watching(string tx, DateTime now)
    {
        if (_watched.ContainsKey(tx))
        {
            return true;
        }
        if (!everything || _finished.ContainsKey(tx))
        {
            return false;
        }
        if (_watched.Count >= maxTransactions)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
        _watched.TryAdd(tx, now);
        return true;
    }

    private async Task ReadAsync(NetworkNode node, CancellationToken ct)
    {
        try
        {
            var view = await platform.ViewAsync(node, ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var tx in view.Mempool.Where(t => Watching(t, now)))
            {
                _inPool.TryAdd((tx, node.Name), now);
            }
            if (!_heads.TryGetValue(node.Name, out var head))
            {
                _heads[node.Name] = new NodeHead(view.Head);
                RaiseHighest(view.Height);
                return;
            }
            if (view.Head == head.Hash)
            {
                return;
            }
            // New blocks on this node: walk back from its head to one it had, oldest first.
            var fresh = new List<BlockView>();
            for (var hash = view.Head; !head.Knows(hash) && hash.Length > 0 && fresh.Count < MaxBlocksBack;)
            {
                var block = await platform.BlockAsync(node, hash, ct);
                fresh.Add(block);
                hash = block.Parent;
            }
            foreach (var block in Enumerable.Reverse(fresh))
            {
                head.Add(block.Hash);
                Imported(node, block, now);
            }
            head.Hash = view.Head;
        }
        catch (NodeRpcException)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    private void Imported(NetworkNode node, BlockView block, DateTime now)
    {
        // Nodes are read concurrently: keep the earliest reading that had the block.
        var producer = block.Producer is { } key && producers?.TryGetValue(key, out var maker) == true ? maker : null;
        var first = _blocks.AddOrUpdate(block.Hash, _ => new BlockSighting(block.Hash, block.Height, now, node.Name, producer, Tip: block.Height > Volatile.Read(ref _highest)),
            (_, seen) => seen.At <= now ? seen : seen with { At = now, Node = node.Name });
        RaiseHighest(block.Height);
        // A block reward (Litecoin's coinbase) was sent by no one: it has no trace to time. A block that is not the chain's
        // new tip (old blocks reaching a node that catches up, or a competing block at a height already seen) only times
        // transactions watched already: taken up now, they would get a trace that dates their block by a late import.
        foreach (var tx in block.Transactions.Where(t => t != block.Coinbase && (first.Tip || _watched.ContainsKey(t)) && Watching(t, now)))
        {
            _imported.TryAdd((tx, node.Name), now);
            _blockOf.TryAdd(tx, first.Hash);
        }
    }

    /// <summary>Raises the highest height any node has shown to <paramref name="height"/> (nodes are read concurrently).</summary>
    private void RaiseHighest(long height)
    {
        var seen = Volatile.Read(ref _highest);
        while (height > seen)
        {
            var was = Interlocked.CompareExchange(ref _highest, height, seen);
            if (was == seen)
            {
                return;
            }
            seen = was;
        }
    }

    /// <summary>One node's head and the blocks it is known to have (the newest few, enough to stop a walk back).</summary>
    private sealed class NodeHead(string hash)
    {
        private const int Kept = MaxBlocksBack * 4;
        private readonly HashSet<string> _known = new([hash], StringComparer.Ordinal);
        private readonly Queue<string> _order = new([hash]);

        public string Hash { get; set; } = hash;

        public bool Knows(string block) => _known.Contains(block);

        public void Add(string block)
        {
            if (_known.Add(block))
            {
                _order.Enqueue(block);
            }
            if (_order.Count > Kept)
            {
                _known.Remove(_order.Dequeue());
            }
        }
    }
}
