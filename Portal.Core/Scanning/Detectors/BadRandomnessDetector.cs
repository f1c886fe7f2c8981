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
        foreach (var n in context.All)
        {
            var always = AstPatterns.IsMember(n, "block", "difficulty") || AstPatterns.IsMember(n, "block", "coinbase") || AstPatterns.IsMember(n, "block", "prevrandao")
                || AstPatterns.IsMember(n, "block", "blockhash") || (n.NodeType == "Identifier" && n.Name == "blockhash");
            var weak = AstPatterns.IsTimestamp(n) || AstPatterns.IsMember(n, "block", "number");
            if ((always || (weak && UsedAsEntropy(context, n))) && reported.Add(context.Line(n)))
            {
                yield return At(context, n, always ? "high" : "medium");
            }
        }
    }

    private static bool UsedAsEntropy(ScanContext context, AstNode n) => n.Ancestors().TakeWhile(a => a.NodeType is not ("ExpressionStatement" or "Block")).Any(a =>
        Hashes.Contains(AstPatterns.CalleeName(a) ?? "")
        || (a.NodeType == "BinaryOperation" && a.Str("operator") == "%")
        || (a.NodeType == "VariableDeclarationStatement" && a.ChildrenIn("declarations").Any(d => IsRandomName(d.Name)))
        || (a.NodeType == "Assignment" && IsRandomName(context.RootDeclaration(a.Child("leftHandSide"))?.Name)));

    private static bool IsRandomName(string? name) => name is not null && RandomNames.Any(r => name.Contains(r, StringComparison.OrdinalIgnoreCase));
}
