namespace NutPortal.Core.Scanning.Detectors;

/// <summary>delegatecall whose target or data comes from the caller.</summary>
public sealed class DelegatecallDetector : Detector
{
    public override string Name => "delegatecall-to-input";
    public override string Category => ScanCategories.AccessControl;
    public override string Severity => "high";
    public override string Title => "delegatecall with caller-controlled target or data";
    public override string Explanation => "delegatecall runs foreign code with this contract's storage and balance; if the caller picks the code or the function, they can overwrite the owner or drain funds.";
    public override string Advice => "Delegate only to a fixed, trusted implementation, and never forward msg.data or parameters unchecked; restrict who may trigger it.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        foreach (var function in context.Functions)
        {
            foreach (var call in function.Descendants().Where(c => AstPatterns.LowLevelKind(c) is "delegatecall" or "callcode"))
            {
                var target = AstPatterns.CallTarget(call);
                if ((target is not null && ScanContext.ReadsParameterOrCalldata(target, function))
                    || call.ChildrenIn("arguments").Any(a => ScanContext.ReadsParameterOrCalldata(a, function)))
                {
                    yield return At(context, call, "high");
                }
                else if (AstPatterns.IsPublic(function) && !AstPatterns.HasModifiers(function) && !AstPatterns.ChecksSender(function))
                {
                    yield return At(context, call, "medium", "Anyone can trigger a delegatecall");
                }
            }
        }
    }
}
