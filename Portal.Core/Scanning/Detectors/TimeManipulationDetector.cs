namespace NutPortal.Core.Scanning.Detectors;

/// <summary>block.timestamp / now deciding a condition.</summary>
public sealed class TimeManipulationDetector : Detector
{
    public override string Name => "timestamp-dependence";
    public override string Category => ScanCategories.TimeManipulation;
    public override string Severity => "low";
    public override string Title => "Condition depends on the block timestamp";
    public override string Explanation => "Miners choose the timestamp within a tolerance of several seconds, so a condition on it (a deadline, a once-per-period check) can be nudged to their advantage.";
    public override string Advice => "Do not let a few seconds change an outcome of value; use block numbers or generous windows for deadlines, never the timestamp for randomness.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        var reported = new HashSet<int>();
        foreach (var n in context.All.Where(AstPatterns.IsTimestamp))
        {
            var compared = n.Ancestors().TakeWhile(a => a.NodeType is not ("ExpressionStatement" or "Block")).Any(a =>
                a.NodeType == "BinaryOperation" && a.Str("operator") is "<" or ">" or "<=" or ">=" or "==" or "!=");
            // Stored or returned, the timestamp goes on to decide something elsewhere.
            var stored = n.Parent is { NodeType: "Assignment" } a && n.Role == "rightHandSide" && context.IsStateVariable(a.Child("leftHandSide"));
            var returned = n.Parent?.NodeType == "Return";
            if ((compared || stored || returned || AstPatterns.InCondition(n)) && reported.Add(context.Line(n)))
            {
                yield return At(context, n, "medium");
            }
        }
    }
}
