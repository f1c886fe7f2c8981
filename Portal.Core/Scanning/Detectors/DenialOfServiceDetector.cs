namespace NutPortal.Core.Scanning.Detectors;

/// <summary>
/// Gas and failing-recipient denial of service: payments that must succeed (in a loop, or to a stored recipient),
/// loops over arrays anyone can grow, loops that grow state by a caller-chosen count, and clearing such arrays.
/// </summary>
public sealed class DenialOfServiceDetector : Detector
{
    public override string Name => "denial-of-service";
    public override string Category => ScanCategories.DenialOfService;
    public override string Severity => "medium";
    public override string Title => "Function can be blocked by gas limits or a failing recipient";
    public override string Explanation => "A loop over state that anyone can grow eventually needs more gas than a block holds, and a payment that must succeed lets one recipient (a contract that reverts) stop everyone.";
    public override string Advice => "Bound loops or process in batches; prefer pull payments (recipients withdraw) over pushing ether in a loop or as a precondition.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        var growable = context.Functions.Where(f => AstPatterns.IsPublic(f) && !AstPatterns.IsRestricted(context, f))
            .SelectMany(f => f.Descendants()).Select(n => GrownArray(context, n)).OfType<AstNode>().ToHashSet();
        foreach (var loop in context.All.Where(n => n.NodeType is "ForStatement" or "WhileStatement" or "DoWhileStatement"))
        {
            var mustPay = loop.Descendants().Where(n => MustSucceed(n)).ToList();
            foreach (var pay in mustPay)
            {
                yield return At(context, pay, "medium", "Payment inside a loop: one failing recipient blocks everyone");
            }
            var function = loop.Ancestor("FunctionDefinition");
            var open = function is not null && AstPatterns.IsPublic(function) && !AstPatterns.IsRestricted(context, function);
            if (mustPay.Count > 0 || function is null)
            {
                continue;
            }
            var condition = loop.Child("condition");
            if (condition is not null && condition.DescendantsAndSelf().Any(n => n.NodeType == "MemberAccess" && n.Name == "length" && context.RootDeclaration(n.Child("expression")) is { } d && growable.Contains(d)))
            {
                yield return At(context, loop, "medium", "Loop over an array anyone can grow");
            }
            else if (open && loop.Descendants().Any(n => GrownArray(context, n) is not null || AstPatterns.WrittenState(context, n) is not null)
                && (CallerCount(condition, function!) || loop.Descendants().Any(n => GrownArray(context, n) is not null)))
            {
                // The caller picks how much state one call adds (or every call adds a fixed batch): later loops and
                // clean-ups over that state run out of gas.
                yield return At(context, loop, "medium", "Loop grows contract state on every call");
            }
        }
        foreach (var n in context.All)
        {
            if (n.NodeType == "FunctionCall" && AstPatterns.LowLevelKind(n) is "send" or "call" && n.Role == "arguments" && n.Parent is { } p
                && AstPatterns.CalleeName(p) is "require" or "assert" && n.Ancestor("ForStatement") is null && n.Ancestor("WhileStatement") is null
                && context.IsStateVariable(AstPatterns.CallTarget(n)))
            {
                yield return At(context, n, "medium", "A stored recipient can block this function by refusing payment");
            }
            else if (Clears(context, n) is { } cleared && growable.Contains(cleared))
            {
                yield return At(context, n, "medium", "Clearing an array anyone can grow costs gas per element");
            }
        }
    }

    /// <summary>transfer, or send/call whose failure reverts (inside require/assert or deciding a throw).</summary>
    private static bool MustSucceed(AstNode n) => AstPatterns.LowLevelKind(n) switch
    {
        "transfer" => true,
        "send" or "call" => AstPatterns.InCondition(n),
        _ => false,
    };

    /// <summary>The state array a push, length++ or length += grows, or null.</summary>
    private static AstNode? GrownArray(ScanContext context, AstNode n)
    {
        var array = n switch
        {
            { NodeType: "FunctionCall" } when n.Child("expression") is { NodeType: "MemberAccess", Name: "push" } m => m.Child("expression"),
            { NodeType: "UnaryOperation" } when n.Str("operator") == "++" && n.Child("subExpression") is { NodeType: "MemberAccess", Name: "length" } m => m.Child("expression"),
            { NodeType: "Assignment" } when n.Str("operator") == "+=" && n.Child("leftHandSide") is { NodeType: "MemberAccess", Name: "length" } m => m.Child("expression"),
            _ => null,
        };
        return array is not null && context.RootDeclaration(array) is { } d && d.Bool("stateVariable") && array.NodeType == "Identifier" ? d : null;
    }

    /// <summary>The state array that `x = new T[](n)` or `delete x` empties, or null.</summary>
    private static AstNode? Clears(ScanContext context, AstNode n) => n switch
    {
        { NodeType: "Assignment" } when n.Str("operator") == "=" && n.Child("leftHandSide") is { NodeType: "Identifier" } l
            && n.Child("rightHandSide") is { NodeType: "FunctionCall" } r && r.Child("expression")?.NodeType == "NewExpression" => context.Declaration(l),
        { NodeType: "UnaryOperation" } when n.Str("operator") == "delete" && n.Child("subExpression") is { NodeType: "Identifier" } s => context.Declaration(s),
        _ => null,
    };

    /// <summary>The loop condition compares with a number the caller passes (not the length of an array they pass, which only costs them).</summary>
    private static bool CallerCount(AstNode? condition, AstNode function)
    {
        var parameters = function.Child("parameters")?.Children.Where(p => p.TypeString.StartsWith("uint", StringComparison.Ordinal) || p.TypeString.StartsWith("int", StringComparison.Ordinal)).Select(p => p.Id).ToHashSet() ?? [];
        return condition is not null && condition.DescendantsAndSelf().Any(n => n.NodeType == "Identifier" && n.ReferencedDeclaration is { } id && parameters.Contains(id));
    }
}
