namespace NutPortal.Core.Scanning.Detectors;

/// <summary>An external call (low-level call, or a call to another contract) followed by a write to state.</summary>
public sealed class ReentrancyDetector : Detector
{
    public override string Name => "reentrancy";
    public override string Category => ScanCategories.Reentrancy;
    public override string Severity => "high";
    public override string Title => "State is written after an external call";
    public override string Explanation => "The called contract can call back into this one before the state change happens, and see (and exploit) the old state, e.g. withdraw the same balance again.";
    public override string Advice => "Follow checks-effects-interactions: update balances and flags before the call, or guard the function with a reentrancy lock.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        foreach (var function in context.Functions.Where(f => f.Str("stateMutability") is not ("view" or "pure" or "constant")))
        {
            var writes = function.Descendants().Select(n => (node: n, target: AstPatterns.WrittenState(context, n))).Where(w => w.target is not null).ToList();
            foreach (var call in function.Descendants().Where(n => n.NodeType == "FunctionCall"))
            {
                // Only calls that hand the callee enough gas to call back: call (all gas by default) and calls to
                // other contracts that send ether; transfer/send forward 2,300 gas, too little to re-enter.
                var kind = AstPatterns.LowLevelKind(call);
                var external = (kind is "call" && IsInvoked(call)) || (kind is null && IsExternalContractCall(call) && SendsValue(call));
                if (!external)
                {
                    continue;
                }
                var end = call.Offset + call.Length;
                if (writes.Any(w => w.node.Offset >= end || (w.node.Contains(call) && w.node.NodeType == "Assignment" && w.node.Child("rightHandSide")?.Contains(call) == true)))
                {
                    yield return At(context, call, kind is "call" ? "high" : "medium");
                }
            }
        }
    }

    /// <summary>x.call.value(v) without the final () only builds the call; it is not made.</summary>
    private static bool IsInvoked(AstNode call) => !call.TypeString.StartsWith("function", StringComparison.Ordinal);

    private static bool SendsValue(AstNode call) => call.Child("expression") is { } e
        && (e.NodeType == "FunctionCallOptions" && e.Element.TryGetProperty("names", out var names) && names.EnumerateArray().Any(x => x.GetString() == "value")
            || e.NodeType == "FunctionCall" && e.Child("expression") is { NodeType: "MemberAccess", Name: "value" });

    private static bool IsExternalContractCall(AstNode call) =>
        Callee(call) is { NodeType: "MemberAccess" } m
        && m.Child("expression")?.TypeString.StartsWith("contract ", StringComparison.Ordinal) == true
        && !m.TypeString.Contains(" view ", StringComparison.Ordinal) && !m.TypeString.Contains(" pure ", StringComparison.Ordinal)
        && !m.TypeString.Contains(" constant ", StringComparison.Ordinal);

    /// <summary>The member access naming the called function, through .value(v)/.gas(g) and {value: v}.</summary>
    private static AstNode? Callee(AstNode call)
    {
        var e = call.Child("expression");
        while (e is not null && (e.NodeType == "FunctionCallOptions" || (e.NodeType == "FunctionCall" && e.Child("expression") is { NodeType: "MemberAccess", Name: "value" or "gas" })))
        {
            e = e.NodeType == "FunctionCallOptions" ? e.Child("expression") : e.Child("expression")?.Child("expression");
        }
        return e;
    }
}
