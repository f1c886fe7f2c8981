namespace NutPortal.Core.Scanning.Detectors;

/// <summary>tx.origin authorisation, unprotected selfdestruct and owner changes, public initialisers, misnamed constructors.</summary>
public sealed class AccessControlDetector : Detector
{
    private static readonly string[] SensitiveNames = ["owner", "admin", "creator"];

    public override string Name => "access-control";
    public override string Category => ScanCategories.AccessControl;
    public override string Severity => "high";
    public override string Title => "Missing or weak access control";
    public override string Explanation => "Anyone can reach this privileged action, or the check relies on tx.origin, which a malicious contract the owner calls can satisfy.";
    public override string Advice => "Check msg.sender (not tx.origin) with an onlyOwner-style modifier on every privileged function; use the constructor keyword for set-up code.";

    // One finding per line: a misnamed constructor that takes ownership is one flaw, reported under its root cause.
    public override IEnumerable<Finding> Detect(ScanContext context) => Candidates(context).DistinctBy(f => f.Line);

    private IEnumerable<Finding> Candidates(ScanContext context)
    {
        // A misnamed constructor is harmful when anyone can call it and it does what constructors do: take ownership
        // (store msg.sender) or set up state from nothing (no parameters, writes state). A proxy(target, data) in contract Proxy is not one.
        foreach (var function in context.Functions.Where(f => IsMisnamedConstructor(context, f) && AstPatterns.IsPublic(f) && !AstPatterns.IsRestricted(context, f)
            && (StoresSender(context, f) || (f.Child("parameters")?.Children.Count is null or 0 && f.Descendants().Any(n => AstPatterns.WrittenState(context, n) is not null)))))
        {
            yield return At(context, function, "high", "Function looks like a constructor but is not one");
        }
        // msg.sender == tx.origin only tells contracts from people; it authorises nobody.
        foreach (var n in context.All.Where(n => AstPatterns.IsMember(n, "tx", "origin") && AstPatterns.InCondition(n)
            && !(n.Parent is { } p && AstPatterns.IsComparison(p) && p.Children.Any(c => AstPatterns.IsMember(c, "msg", "sender")))))
        {
            yield return At(context, n, "high", "Authorisation through tx.origin");
        }
        foreach (var function in context.Functions.Where(f => AstPatterns.IsPublic(f) && !AstPatterns.IsConstructor(f) && !AstPatterns.HasModifiers(f) && !AstPatterns.ChecksSender(f)))
        {
            // The missing modifier is the function's flaw, so the finding sits on its declaration.
            if (function.Descendants().Any(c => AstPatterns.CalleeName(c) is "selfdestruct" or "suicide"))
            {
                yield return At(context, function, "high", "Anyone can destroy the contract");
            }
            if (function.Descendants().Any(n => n.NodeType == "Assignment" && IsSensitive(context, n.Child("leftHandSide"))))
            {
                yield return At(context, function, (function.Name ?? "").StartsWith("init", StringComparison.OrdinalIgnoreCase) ? "high" : "medium", "Anyone can change the owner");
            }
        }
    }

    private static bool IsSensitive(ScanContext context, AstNode? target) =>
        context.RootDeclaration(target) is { } d && d.Bool("stateVariable") && target?.NodeType == "Identifier"
        && SensitiveNames.Any(s => (d.Name ?? "").Contains(s, StringComparison.OrdinalIgnoreCase));

    private static bool StoresSender(ScanContext context, AstNode function) => function.Descendants().Any(n =>
        n.NodeType == "Assignment" && context.IsStateVariable(n.Child("leftHandSide")) && n.Child("rightHandSide") is { } r && AstPatterns.IsMember(r, "msg", "sender"));

    private static bool IsMisnamedConstructor(ScanContext context, AstNode function)
    {
        if (context.CompilerVersion >= new Solidity.SolcVersion(0, 5, 0) || function.Bool("isConstructor") || function.Str("kind") == "constructor")
        {
            return false;
        }
        var contract = function.Ancestor("ContractDefinition")?.Name ?? "";
        var name = function.Name ?? "";
        return name.Length > 0 && name != contract && (string.Equals(name, contract, StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "constructor", StringComparison.OrdinalIgnoreCase)
            || (contract.Length >= 4 && name.Contains(contract, StringComparison.OrdinalIgnoreCase))
            || (name.Length > 3 && Distance(name.ToLowerInvariant(), contract.ToLowerInvariant()) <= 2));
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }
        return d[a.Length, b.Length];
    }
}
