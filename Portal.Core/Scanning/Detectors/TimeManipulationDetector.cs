namespace NutPortal.Core.Scanning.Detectors;

/// <summary>
/// block.timestamp / now where a miner's few seconds of freedom decide something: an exact-time comparison, the
/// timestamp as the only entropy, a stored "last time" that a later condition measures from, elapsed-time arithmetic
/// in a condition, or a value returned for callers to decide on. A plain deadline (now &gt; unlockTime) is not reported:
/// a few seconds either way do not change who may act.
/// </summary>
public sealed class TimeManipulationDetector : Detector
{
    private static readonly HashSet<string> Hashes = ["keccak256", "sha3", "sha256", "ripemd160"];

    public override string Name => "timestamp-dependence";
    public override string Category => ScanCategories.TimeManipulation;
    public override string Severity => "low";
    public override string Title => "Condition depends on the block timestamp";
    public override string Explanation => "Miners choose the timestamp within a tolerance of several seconds, so a condition on it (a deadline, a once-per-period check) can be nudged to their advantage.";
    public override string Advice => "Do not let a few seconds change an outcome of value; use block numbers or generous windows for deadlines, never the timestamp for randomness.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        var reported = new HashSet<int>();
        var timestamps = context.All.Where(n => AstPatterns.IsTimestamp(n) && !AstPatterns.InEvent(context, n)).ToList();
        // State variables that a condition measures against the timestamp: storing the time in them starts a window.
        // Windows of 15 minutes or more (last + 1 weeks) are past what a miner can shift, so they do not count.
        var measured = timestamps.Where(t => AstPatterns.InCondition(t) && !LongWindow(context, Expression(t)))
            .SelectMany(t => Expression(t).Descendants().Select(context.RootDeclaration).OfType<AstNode>().Where(d => d.Bool("stateVariable")))
            .ToHashSet();
        foreach (var n in timestamps)
        {
            var expression = Expression(n);
            var exact = n.Ancestors().TakeWhile(a => a != expression.Parent).Any(a => a.NodeType == "BinaryOperation" && a.Str("operator") is "==" or "!=");
            var elapsed = AstPatterns.InCondition(n) && n.Parent is { NodeType: "BinaryOperation" } p && p.Str("operator") is "-";
            var entropy = n.Ancestors().TakeWhile(a => a != expression.Parent).Any(a => Hashes.Contains(AstPatterns.CalleeName(a) ?? "") || (a.NodeType == "BinaryOperation" && a.Str("operator") == "%"))
                && !expression.DescendantsAndSelf().Any(IsOtherBlockSource);
            var stored = n.Parent is { NodeType: "Assignment" } assignment && n.Role == "rightHandSide"
                && context.RootDeclaration(assignment.Child("leftHandSide")) is { } target && measured.Contains(target);
            var returned = expression.Parent?.NodeType == "Return" && (expression == n || AstPatterns.IsComparison(expression));
            if ((exact || elapsed || entropy || stored || returned) && reported.Add(context.Line(n)))
            {
                yield return At(context, n, exact || entropy ? "medium" : "low");
            }
        }
    }

    /// <summary>The whole expression the timestamp is part of (up to the statement, or the argument of require).</summary>
    private static AstNode Expression(AstNode n)
    {
        var top = n;
        foreach (var a in n.Ancestors())
        {
            if (a.NodeType.EndsWith("Statement", StringComparison.Ordinal) || a.NodeType is "Return" or "Block" or "VariableDeclaration" || AstPatterns.CalleeName(a) is "require" or "assert")
            {
                break;
            }
            top = a;
        }
        return top;
    }

    private const double MinerLeewaySeconds = 900;

    private static bool LongWindow(ScanContext context, AstNode condition) =>
        condition.DescendantsAndSelf().Any(n => context.ConstantValue(n) is >= MinerLeewaySeconds);

    private static bool IsOtherBlockSource(AstNode n) => n.NodeType == "MemberAccess" && n.Child("expression") is { NodeType: "Identifier", Name: "block" } && n.Name != "timestamp"
        || (n.NodeType == "Identifier" && n.Name == "blockhash");
}
