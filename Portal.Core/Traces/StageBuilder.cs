using NutPortal.Core.Explorer;

namespace NutPortal.Core.Traces;

/// <summary>The blocks around a transaction's block that its chain-visible stages are measured with.</summary>
public sealed record StageBlocks(DateTime BlockTime, DateTime? ParentTime, ChainBlock? Confirming, long IndexedHeight, int Depth);

/// <summary>Derives a transaction's stages from the portal's recorded spans and the indexed blocks around it.</summary>
public static class StageBuilder
{
    public static List<StageSpan> Build(ChainTransaction tx, StageBlocks blocks, IReadOnlyList<TraceSpan> recorded)
    {
        var stages = recorded.OrderBy(s => s.StartedAt).Select(s => new StageSpan(s.Stage, s.StartedAt, s.EndedAt, s.Detail ?? "", s.Node)).ToList();
        if (recorded.FirstOrDefault(s => s.Stage == TraceStages.Submitted) is { } submitted)
        {
            // Block timestamps have whole seconds: a block may claim a time just before the submission ended.
            var end = blocks.BlockTime < submitted.EndedAt ? submitted.EndedAt : blocks.BlockTime;
            stages.Add(new StageSpan(TraceStages.Pending, submitted.EndedAt, end, "in the node's pool until a block took it"));
        }
        stages.Add(new StageSpan(TraceStages.Included, blocks.ParentTime ?? blocks.BlockTime, blocks.BlockTime, $"block {tx.BlockNumber}"));
        stages.Add(blocks.Confirming is { } confirming
            ? new StageSpan(TraceStages.Confirmed, blocks.BlockTime, confirming.Timestamp, $"depth {blocks.Depth} at block {confirming.Number}")
            : new StageSpan(TraceStages.Confirmed, blocks.BlockTime, null, $"depth {Math.Max(0, blocks.IndexedHeight - tx.BlockNumber)} of {blocks.Depth}"));
        return stages;
    }

    /// <summary>
    /// A trace from recorded spans alone, for networks the explorer does not index (Litecoin): submission, then per
    /// node the propagation to its pool and the import of the including block.
    /// </summary>
    public static List<StageSpan> FromSpans(IReadOnlyList<TraceSpan> recorded) =>
        [.. recorded.OrderBy(s => s.StartedAt).ThenBy(s => TraceStages.InOrder.ToList().IndexOf(s.Stage)).ThenBy(s => s.Node, StringComparer.Ordinal)
            .Select(s => new StageSpan(s.Stage, s.StartedAt, s.EndedAt, s.Detail ?? "", s.Node))];

    /// <summary>The node whose per-node stage ended last: the one the transaction waited for.</summary>
    public static string? SlowestNode(IEnumerable<StageSpan> stages) =>
        stages.Where(s => s.Node is not null && s.Stage == TraceStages.Imported && s.End is not null).MaxBy(s => s.End)?.Node;

    /// <summary>
    /// The stages the transaction's time to its last stage ran through, first to last: signing and submission, then
    /// what the block waited for (the propagation to the node that made the block, when it is known and not the
    /// sender, else the sender's pool), the block, and whichever ended last of finality and the slowest node's import.
    /// Shortening a stage off this path would not have finished the transaction sooner. A running stage counts as
    /// ending last.
    /// </summary>
    public static IReadOnlyList<StageSpan> CriticalPath(IReadOnlyList<StageSpan> stages)
    {
        StageSpan? First(string stage, string? node = null) => stages.FirstOrDefault(s => s.Stage == stage && (node is null || s.Node == node));
        DateTime EndOf(StageSpan s) => s.End ?? DateTime.MaxValue;
        var path = new List<StageSpan?> { First(TraceStages.BuiltAndSigned), First(TraceStages.Submitted) };
        var included = First(TraceStages.Included);
        if (included is null)
        {
            return [.. path.OfType<StageSpan>()];
        }
        var toProducer = TraceStages.ProducerIn(included.Detail) is { } producer ? First(TraceStages.Propagated, producer) : null;
        path.Add(toProducer ?? First(TraceStages.Pending));
        path.Add(included);
        var last = stages.Where(s => s.Stage is TraceStages.Imported or TraceStages.Confirmed)
            .OrderByDescending(EndOf).ThenBy(s => s.Stage == TraceStages.Confirmed ? 0 : 1).FirstOrDefault();
        path.Add(last);
        return [.. path.OfType<StageSpan>()];
    }

    public static string? Slowest(IEnumerable<StageSpan> stages) =>
        stages.Where(s => s.DurationMilliseconds is not null).MaxBy(s => s.DurationMilliseconds)?.Stage;
}
