namespace NutPortal.Core.Scanning.Detectors;

/// <summary>
/// +, -, * on integers where overflow is not checked (before 0.8, or inside unchecked { }) and the caller chooses an
/// operand through a public function's parameters, with no bound check on the same operands. Arithmetic on block
/// data, counters, constants or msg.value (bounded by the ether supply) cannot realistically wrap, so it is not reported.
/// </summary>
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
        foreach (var function in context.Functions.Where(f => AstPatterns.IsPublic(f) && !AstPatterns.IsReadOnly(f) && !AstPatterns.IsConstructor(f)
            && f.Ancestor("ContractDefinition")?.Str("contractKind") != "library"))
        {
            var controlled = ScanContext.CallerControlled(function);
            var conditions = function.Descendants().Where(n => AstPatterns.IsComparison(n) && AstPatterns.InCondition(n)).ToList();
            var reported = new HashSet<AstNode>();
            foreach (var node in function.Descendants().Where(n => n.NodeType is "BinaryOperation" or "Assignment"))
            {
                if (!Operators.Contains(node.Str("operator") ?? "") || !IsInteger(node) || Exempt(context, node)
                    || !Operands(node).Any(o => ScanContext.Reads(o, controlled)) || Guarded(context, node, conditions)
                    || !reported.Add(AstPatterns.Statement(node)))
                {
                    continue;
                }
                yield return At(context, node, node.NodeType == "Assignment" ? "medium" : "low");
            }
        }
    }

    private static IEnumerable<AstNode> Operands(AstNode node) => node.NodeType == "Assignment"
        ? [node.Child("rightHandSide")!]
        : [node.Child("leftExpression")!, node.Child("rightExpression")!];

    private static (AstNode? Left, AstNode? Right) Sides(AstNode node) => node.NodeType == "Assignment"
        ? (node.Child("leftHandSide"), node.Child("rightHandSide"))
        : (node.Child("leftExpression"), node.Child("rightExpression"));

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
        // Loop counters and constant folding do not overflow in practice. Arithmetic that is itself the bound check
        // (a + b >= a) is the guard, unless it compares a difference with zero, which unsigned values always pass.
        return node.Ancestors().Prepend(node).Zip(node.Ancestors()).Any(p => p.First.Role == "loopExpression")
            || node.Descendants().All(d => d.NodeType is "Literal" or "ElementaryTypeNameExpression" or "TupleExpression")
            || (node.Parent is { NodeType: "BinaryOperation" } parent && parent.Str("operator") is "<" or ">" or "<=" or ">=" && AstPatterns.InCondition(node)
                && !(node.Str("operator") == "-" && parent.Children.Any(c => c != node && c.NodeType == "Literal" && c.Str("value") == "0")));
    }

    /// <summary>A condition in the same function bounds the operands: a &gt;= b before a - b, or a + b &gt;= a before a + b.</summary>
    private static bool Guarded(ScanContext context, AstNode node, List<AstNode> conditions)
    {
        var (left, right) = Sides(node);
        var (a, b) = (context.Text(left), context.Text(right));
        var op = node.Str("operator")!.TrimEnd('=');
        foreach (var check in conditions.Where(c => !c.Contains(node) && (op == "+" || c.Offset < node.Offset)))
        {
            var (l, r) = (context.Text(check.Child("leftExpression")), context.Text(check.Child("rightExpression")));
            var cmp = check.Str("operator");
            if (op == "-" && ((l == a && r == b) || (l == b && r == a)))
            {
                // In require/assert the comparison must state a >= b; an if can throw on either side of it.
                var asserted = check.Ancestors().Any(x => AstPatterns.CalleeName(x) is "require" or "assert");
                if (!asserted || (l == a && cmp is ">=" or ">") || (l == b && cmp is "<=" or "<"))
                {
                    return true;
                }
            }
            if (op == "+" && (l == a + "+" + b || r == a + "+" + b || l == b + "+" + a || r == b + "+" + a))
            {
                return true;
            }
        }
        return false;
    }
}
