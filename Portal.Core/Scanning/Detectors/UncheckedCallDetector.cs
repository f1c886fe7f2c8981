namespace NutPortal.Core.Scanning.Detectors;

/// <summary>call/send/delegatecall/callcode whose boolean result is thrown away.</summary>
public sealed class UncheckedCallDetector : Detector
{
    public override string Name => "unchecked-low-level-call";
    public override string Category => ScanCategories.UncheckedCalls;
    public override string Severity => "medium";
    public override string Title => "Low-level call result is not checked";
    public override string Explanation => "call, send, delegatecall and callcode return false instead of reverting when the callee fails; ignoring the result lets the contract carry on as if the payment or call happened.";
    public override string Advice => "Check the result: require(success), or use transfer / a pull-payment pattern; handle the failure explicitly.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        foreach (var call in context.OfType("FunctionCall"))
        {
            if (AstPatterns.LowLevelKind(call) is "call" or "send" or "delegatecall" or "callcode" && call.Parent?.NodeType == "ExpressionStatement")
            {
                yield return At(context, call, "high");
            }
        }
    }
}
