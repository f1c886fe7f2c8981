using NutPortal.Core.Networks;
using NutPortal.Core.Traces;

namespace NutPortal.Workers.Monitoring;

/// <summary>Where a watched transaction's trace starts: the node that had it first, and when (null: first seen in a block).</summary>
internal sealed record TraceOrigin(string Node, DateTime At);

/// <summary>
/// A watched transaction's per-node spans, the same for a workload's transactions and for any the
/// <see cref="TraceWatcher"/> sees: propagation to each other node's pool (from the origin), inclusion (naming the
/// block's producer when known), each node's import of the block (from the block's first sighting) and finality.
/// </summary>
internal static class NodeSpans
{
    /// <summary>When the transaction became final: its block's first sighting at depth 1 (dBFT), else the first block <paramref name="depth"/> − 1 above it.</summary>
    public static DateTime? Final(NodeWatch watch, string tx, int depth) =>
        watch.BlockOf(tx) is not { } block ? null : depth <= 1 ? block.At : watch.FirstAtHeight(block.Height + depth - 1);

    public static IEnumerable<TraceSpan> Build(NodeWatch watch, IReadOnlyList<NetworkNode> nodes, string networkId, string tx, TraceOrigin? origin, int depth)
    {
        TraceSpan Span(string stage, DateTime from, DateTime to, string? node, string detail, long? block = null) => new()
        {
            NetworkId = networkId, TransactionHash = tx, Stage = stage, StartedAt = from, EndedAt = to < from ? from : to, Node = node, Detail = detail, BlockNumber = block,
        };
        if (origin is not null)
        {
            foreach (var node in nodes.Where(n => n.Name != origin.Node))
            {
                if (watch.Sighting(tx, node.Name).InPool is { } pool)
                {
                    yield return Span(TraceStages.Propagated, origin.At, pool, node.Name, $"in {node.Name}'s pool");
                }
            }
        }
        if (watch.BlockOf(tx) is not { } block)
        {
            yield break;
        }
        var madeBy = block.Producer is { } producer ? TraceStages.MadeBy(producer) : "";
        var unpooled = origin is null ? "; not seen in any node's pool" : "";
        yield return Span(TraceStages.Included, origin?.At ?? block.At, block.At, block.Node, $"block {block.Height}, {madeBy}first seen on {block.Node}{unpooled}", block.Height);
        foreach (var node in nodes)
        {
            if (watch.Sighting(tx, node.Name).Imported is { } imported)
            {
                yield return Span(TraceStages.Imported, block.At, imported, node.Name, $"{node.Name} imported block {block.Height}", block.Height);
            }
        }
        if (Final(watch, tx, depth) is { } final)
        {
            yield return Span(TraceStages.Confirmed, block.At, final, null,
                depth <= 1 ? "final in its block (no forks under dBFT)" : $"{depth} confirmations: block {block.Height + depth - 1} first seen", block.Height);
        }
    }
}
