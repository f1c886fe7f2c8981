namespace NutPortal.Core.Scanning.Detectors;

/// <summary>+, -, * on integers where overflow is not checked (before 0.8, or inside unchecked { }).</summary>
public sealed class ArithmeticDetector : Detector
{
    private static readonly HashSet<string> Operators = ["+", "-", "*", "**", "+=", "-=", "*="];

    public override string Name => "integer-overflow";
    public override string Category => ScanCategories.Arithmetic;
    public override string Severity => "medium";
    public override string Title => "Integer arithmetic can overflow or underflow";
    public override string Explanation => "Before Solidity 0.8 (and inside unchecked blocks) integer arithmetic wraps around silently: a balance minus more than it holds becomes a huge number.";
    public override string Advice => "Compile with Solidity 0.8 or later (checked arithmetic), or use SafeMath for every operation on values users control.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        foreach (var node in context.All.Where(n => n.NodeType is "BinaryOperation" or "Assignment"))
        {
            if (!Operators.Contains(node.Str("operator") ?? "") || !IsInteger(node) || Exempt(context, node))
            {
                continue;
            }
            yield return At(context, node, node.NodeType == "Assignment" ? "medium" : "low");
        }
    }

    private static bool IsInteger(AstNode node)
    {
        var type = node.NodeType == "Assignment" ? node.Child("leftHandSide")?.TypeString ?? "" : node.TypeString;
        return type.StartsWith("uint", StringComparison.Ordinal) || type.StartsWith("int", StringComparison.Ordinal);
    }

    private static bool Exempt(ScanContext context, AstNode node)
    {
        if (context.CheckedArithmetic && node.Ancestor("UncheckedBlock") is null)
        {
            return true;
        }
        // SafeMath-style libraries are where the checks live; loop counters and constant folding do not overflow in practice.
        return node.Ancestor("ContractDefinition")?.Str("contractKind") == "library"
            || node.Ancestors().Prepend(node).Zip(node.Ancestors()).Any(p => p.First.Role == "loopExpression")
            || node.Descendants().All(d => d.NodeType is "Literal" or "ElementaryTypeNameExpression" or "TupleExpression")
            || AstPatterns.InCondition(node) && node.Parent?.NodeType == "BinaryOperation" && node.Parent.Str("operator") is ">=" or "<=" or ">" or "<";
    }
}
