namespace NutPortal.Core.Scanning.Detectors;

/// <summary>Transaction-order dependence: hash puzzles, ERC-20 approve races, and payouts of amounts others can change.</summary>
public sealed class FrontRunningDetector : Detector
{
    private static readonly HashSet<string> Hashes = ["keccak256", "sha3", "sha256"];

    public override string Name => "transaction-order-dependence";
    public override string Category => ScanCategories.FrontRunning;
    public override string Severity => "medium";
    public override string Title => "Outcome depends on transaction order";
    public override string Explanation => "Pending transactions are public: someone who sees a solution, an approval change or a payout can send their own transaction with a higher fee and have it mined first.";
    public override string Advice => "Use commit-reveal for answers, change allowances from/to zero (or increase/decrease functions), and fix payout amounts before anyone can race them.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        foreach (var function in context.Functions)
        {
            foreach (var cmp in function.Descendants().Where(n => n.NodeType == "BinaryOperation" && n.Str("operator") == "=="))
            {
                if (cmp.Children.Any(c => Hashes.Contains(AstPatterns.CalleeName(c) ?? "") && ScanContext.ReadsParameterOrCalldata(c, function)))
                {
                    yield return At(context, cmp, "high", "Anyone who sees the solution can submit it first");
                }
            }
            if (string.Equals(function.Name, "approve", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var write in function.Descendants().Where(n => n.NodeType == "Assignment" && n.Str("operator") == "=" && context.IsStateVariable(n.Child("leftHandSide"))))
                {
                    yield return At(context, write, "medium", "Allowance change can be front-run (approve race)");
                }
            }
            foreach (var pay in function.Descendants().Where(n => AstPatterns.LowLevelKind(n) is "transfer" or "send"))
            {
                var amount = pay.ChildrenIn("arguments").FirstOrDefault();
                // A whole stored amount (a reward, a prize) that a public function can change; a caller's own balance
                // (balances[msg.sender]) or a pot that is paid out and reset (fees = 0) has no race.
                if (amount is { NodeType: "Identifier" } && context.Declaration(amount) is { } d && d.Bool("stateVariable") && !d.Bool("constant")
                    && WrittenElsewhere(context, d) && !ResetAfter(context, d, pay, function))
                {
                    yield return At(context, pay, "medium", "Payout amount can change before this transaction is mined");
                }
            }
        }
    }

    private static bool ResetAfter(ScanContext context, AstNode variable, AstNode pay, AstNode function) => function.Descendants().Any(n =>
        n.Offset > pay.Offset && n.NodeType == "Assignment" && n.Child("leftHandSide") is { } l && context.RootDeclaration(l) == variable
        && n.Child("rightHandSide")?.NodeType == "Literal");

    private static bool WrittenElsewhere(ScanContext context, AstNode variable) =>
        context.Functions.Where(f => AstPatterns.IsPublic(f) && !AstPatterns.IsConstructor(f)).SelectMany(f => f.Descendants())
            .Any(n => AstPatterns.WrittenState(context, n) is { } target && context.RootDeclaration(target) == variable);
}
