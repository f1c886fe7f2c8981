namespace NutPortal.Core.Scanning.Detectors;

/// <summary>Block properties used as a source of randomness.</summary>
public sealed class BadRandomnessDetector : Detector
{
    private static readonly HashSet<string> Hashes = ["keccak256", "sha3", "sha256", "ripemd160"];
    private static readonly string[] RandomNames = ["rand", "seed", "lucky", "winner", "entropy"];

    public override string Name => "bad-randomness";
    public override string Category => ScanCategories.BadRandomness;
    public override string Severity => "high";
    public override string Title => "Randomness from block data";
    public override string Explanation => "Block hash, timestamp, number, difficulty and coinbase are known to (or chosen by) miners and to any contract in the same block, so a 'random' outcome derived from them can be predicted or biased.";
    public override string Advice => "Use a commit-reveal scheme or a verifiable randomness oracle (VRF); never derive winners from block data.";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        var reported = new HashSet<int>();
        foreach (var contract in context.OfType("ContractDefinition"))
        {
            var nodes = contract.Descendants().ToList();
            var strong = nodes.Where(IsStrongSource).ToList();
            var weak = nodes.Where(n => (AstPatterns.IsTimestamp(n) || AstPatterns.IsMember(n, "block", "number")) && !AstPatterns.InEvent(context, n)).ToList();
            // The timestamp alone as entropy is the miner's choice of time: the time-manipulation detector reports it.
            var entropy = weak.Where(n => UsedAsEntropy(context, n) && (strong.Count > 0 || !AstPatterns.IsTimestamp(n))).ToList();
            // Once a contract derives randomness from block data, other reads of block number or time that keep the raw
            // value (stored, passed on) are likely feeding the same number; comparisons (deadlines) and offsets are not.
            var derives = strong.Count > 0 || entropy.Count > 0;
            var suspects = derives ? weak.Where(n => !IsComparison(n) && !IsOffset(n)).ToList() : [];
            foreach (var n in strong.Concat(entropy).Concat(suspects).OrderBy(n => n.Offset))
            {
                if (reported.Add(context.Line(n)))
                {
                    yield return At(context, n, strong.Contains(n) ? "high" : entropy.Contains(n) ? "medium" : "low");
                }
            }
        }
    }

    private static bool IsStrongSource(AstNode n) =>
        AstPatterns.IsMember(n, "block", "difficulty") || AstPatterns.IsMember(n, "block", "coinbase") || AstPatterns.IsMember(n, "block", "prevrandao")
        || AstPatterns.IsMember(n, "block", "blockhash") || (n.NodeType == "Identifier" && n.Name == "blockhash");

    private static bool IsComparison(AstNode n) => AstPatterns.InCondition(n)
        || n.Ancestors().TakeWhile(a => a.NodeType is not ("ExpressionStatement" or "Block")).Any(a =>
            a.NodeType == "BinaryOperation" && a.Str("operator") is "<" or ">" or "<=" or ">=" or "==" or "!=");

    private static bool UsedAsEntropy(ScanContext context, AstNode n) => n.Ancestors().TakeWhile(a => a.NodeType is not ("ExpressionStatement" or "Block")).Any(a =>
        Hashes.Contains(AstPatterns.CalleeName(a) ?? "")
        || (a.NodeType == "BinaryOperation" && a.Str("operator") == "%")
        || (a.NodeType == "VariableDeclarationStatement" && a.ChildrenIn("declarations").Any(d => IsRandomName(d.Name)))
        || (a.NodeType == "Assignment" && IsRandomName(context.RootDeclaration(a.Child("leftHandSide"))?.Name)));

    // block.number + 3, block.number - start, now / 1 days: scheduling and calendar buckets, not a random draw.
    private static bool IsOffset(AstNode n) => n.Parent is { NodeType: "BinaryOperation" } p
        && (p.Str("operator") is "+" or "-" || (p.Str("operator") == "/" && n.Role == "leftExpression"));

    private static bool IsRandomName(string? name) => name is not null && RandomNames.Any(r => name.Contains(r, StringComparison.OrdinalIgnoreCase));
}
