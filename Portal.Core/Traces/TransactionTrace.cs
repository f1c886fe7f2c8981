namespace NutPortal.Core.Traces;

/// <summary>One stage of a transaction as a span; <see cref="End"/> is null while the stage is still running. <see cref="Node"/>: the node of a per-node stage.</summary>
public sealed record StageSpan(string Stage, DateTime Start, DateTime? End, string Detail, string? Node = null)
{
    public double? DurationMilliseconds => End is { } end ? (end - Start).TotalMilliseconds : null;
}

/// <summary>One frame of the call tree, with the function and revert reason decoded when an ABI is known.</summary>
public sealed record CallFrameView(
    string Type, string From, string? To, string ValueEth, long? Gas, long? GasUsed, string? Input, string? Output,
    string? Error, string? Function, string? Revert, IReadOnlyList<CallFrameView> Calls);

/// <summary>A transaction's stages as a waterfall and its call tree; <see cref="SlowestNode"/> on networks watched node by node.</summary>
public sealed record TransactionTrace(
    string NetworkId, string Hash, long BlockNumber, bool? Succeeded, IReadOnlyList<StageSpan> Stages, string? SlowestStage,
    CallFrameView? CallTree, string? CallTreeError)
{
    public string? SlowestNode { get; init; }

    /// <summary>The stages the transaction's time ran through (<see cref="StageBuilder.CriticalPath"/>).</summary>
    public IReadOnlyList<StageSpan> CriticalPath => StageBuilder.CriticalPath(Stages);
}
