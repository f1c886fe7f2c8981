namespace NutPortal.Core.Scanning.Detectors;

/// <summary>Loops bounded by growing state, payments inside loops, and refunds that a recipient can block.</summary>
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
        foreach (var loop in context.All.Where(n => n.NodeType is "ForStatement" or "WhileStatement" or "DoWhileStatement"))
        {
            var condition = loop.Child("condition");
            if (condition is not null && condition.DescendantsAndSelf().Any(n => context.IsStateVariable(n) && n.NodeType is "Identifier" or "MemberAccess"))
            {
                yield return At(context, loop, "medium", "Loop bounded by state that can grow");
            }
            else if (condition is not null && loop.Ancestor("FunctionDefinition") is { } function && AstPatterns.IsPublic(function)
                && ScanContext.ReadsParameterOrCalldata(condition, function))
            {
                yield return At(context, loop, "medium", "Loop bounded by a caller-chosen number");
            }
            foreach (var pay in loop.Descendants().Where(n => AstPatterns.LowLevelKind(n) is "send" or "transfer" or "call"))
            {
                yield return At(context, pay, "medium", "Payment inside a loop");
            }
        }
        foreach (var pay in context.OfType("FunctionCall").Where(n => AstPatterns.LowLevelKind(n) is "send" or "call" && n.Ancestor("ForStatement") is null && n.Ancestor("WhileStatement") is null))
        {
            if (pay.Parent is { } p && pay.Role == "arguments" && AstPatterns.CalleeName(p) is "require" or "assert" && context.IsStateVariable(AstPatterns.CallTarget(pay)))
            {
                yield return At(context, pay, "medium", "A stored recipient can block this function by refusing payment");
            }
        }
    }
}
