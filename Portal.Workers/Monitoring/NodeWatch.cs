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

/// <summary>A block and when the portal first saw it on any node, on which, and which node made it (when known).</summary>
internal sealed record BlockSighting(string Hash, long Height, DateTime At, string Node, string? Producer = null);

/// <summary>
/// Watches every node of a network while a workload runs: every <see cref="Interval"/> it reads each node's pool
/// and head, and notes per transaction and node when the transaction first sat in that node's pool and when the
/// node imported the block that includes it. Times are the portal's observations, so they are at most one
/// <see cref="NodeWatchOptions.Interval"/> (plus one RPC round trip) late.
/// </summary>
internal sealed class NodeWatch(ITransferPlatform platform, IReadOnlyList<NetworkNode> nodes, TimeProvider time, IReadOnlyDictionary<string, string>? producers = null)
{
    private static readonly TimeSpan Interval = NodeWatchOptions.Interval;

    private const int MaxBlocksBack = 50;

    private readonly ConcurrentDictionary<string, byte> _watched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Tx, string Node), DateTime> _inPool = new();
    private readonly ConcurrentDictionary<(string Tx, string Node), DateTime> _imported = new();
    private readonly ConcurrentDictionary<string, BlockSighting> _blocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _blockOf = new(StringComparer.Ordinal);
    private int _errors;

    public IReadOnlyList<NetworkNode> Nodes => nodes;

    /// <summary>RPC failures while watching (a node that misses a read is read again next interval).</summary>
    public int Errors => Volatile.Read(ref _errors);

    public void Watch(string tx, string sender, DateTime acceptedAt)
    {
        _watched[tx] = 0;
        _inPool.TryAdd((tx, sender), acceptedAt); // the sending node has it once it answered
    }

    public NodeSighting Sighting(string tx, string node) =>
        new(_inPool.TryGetValue((tx, node), out var p) ? p : null, _imported.TryGetValue((tx, node), out var i) ? i : null);

    /// <summary>The block that includes <paramref name="tx"/>, as first seen anywhere; null while none does.</summary>
    public BlockSighting? BlockOf(string tx) => _blockOf.TryGetValue(tx, out var hash) ? _blocks[hash] : null;

    public bool ImportedEverywhere(string tx) => nodes.All(n => _imported.ContainsKey((tx, n.Name)));

    /// <summary>When a block at <paramref name="height"/> was first seen on any node; null while none was.</summary>
    public DateTime? FirstAtHeight(long height) =>
        _blocks.Values.Where(b => b.Height == height).Select(b => (DateTime?)b.At).Min();

    /// <summary>Reads every node each interval until <paramref name="done"/> says so or <paramref name="ct"/> ends.</summary>
    public async Task RunAsync(Func<bool> done, CancellationToken ct)
    {
        var heads = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = nodes.ToDictionary(n => n.Name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var view = await platform.ViewAsync(node, ct);
            heads[node.Name] = view.Head;
            known[node.Name].Add(view.Head);
        }
        while (!done() && !ct.IsCancellationRequested)
        {
            await Task.WhenAll(nodes.Select(n => ReadAsync(n, heads, known[n.Name], ct)));
            await Task.Delay(Interval, ct);
        }
    }

    private async Task ReadAsync(NetworkNode node, Dictionary<string, string> heads, HashSet<string> known, CancellationToken ct)
    {
        try
        {
            var view = await platform.ViewAsync(node, ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var tx in view.Mempool.Where(_watched.ContainsKey))
            {
                _inPool.TryAdd((tx, node.Name), now);
            }
            string previous;
            lock (heads)
            {
                previous = heads[node.Name];
            }
            if (view.Head == previous)
            {
                return;
            }
            // New blocks on this node: walk back from its head to one it had, oldest first.
            var fresh = new List<BlockView>();
            for (var hash = view.Head; !known.Contains(hash) && hash.Length > 0 && fresh.Count < MaxBlocksBack;)
            {
                var block = await platform.BlockAsync(node, hash, ct);
                fresh.Add(block);
                hash = block.Parent;
            }
            foreach (var block in Enumerable.Reverse(fresh))
            {
                known.Add(block.Hash);
                // Nodes are read concurrently: keep the earliest reading that had the block.
                var producer = block.Producer is { } key && producers?.TryGetValue(key, out var maker) == true ? maker : null;
                var first = _blocks.AddOrUpdate(block.Hash, _ => new BlockSighting(block.Hash, block.Height, now, node.Name, producer),
                    (_, seen) => seen.At <= now ? seen : seen with { At = now, Node = node.Name });
                foreach (var tx in block.Transactions.Where(_watched.ContainsKey))
                {
                    _imported.TryAdd((tx, node.Name), now);
                    _blockOf.TryAdd(tx, first.Hash);
                }
            }
            lock (heads)
            {
                heads[node.Name] = view.Head;
            }
        }
        catch (NodeRpcException)
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
