namespace NutPortal.Core.Scanning.Detectors;

/// <summary>Token transfers taking (address, amount) with no check of the call data length.</summary>
public sealed class ShortAddressDetector : Detector
{
    public override string Name => "short-address";
    public override string Category => ScanCategories.ShortAddresses;
    public override string Severity => "low";
    public override string Title => "Transfer does not check the call data length";
    public override string Explanation => "The EVM pads missing call data with zeros: a client that sends a short address shifts the amount left, multiplying it by 256 per missing byte.";
    public override string Advice => "Validate inputs in clients; in the contract, check msg.data.length for the expected size (a legacy defence) or use a modern ABI decoder (Solidity 0.5+ reverts on short data).";

    public override IEnumerable<Finding> Detect(ScanContext context)
    {
        if (context.CompilerVersion >= new Solidity.SolcVersion(0, 5, 0))
        {
            yield break;
        }
        // The fix (a payload-size check or a newer compiler) is contract-wide, so each contract is reported once, at its first such function.
        var reported = new HashSet<AstNode>();
        foreach (var function in context.Functions.Where(f => AstPatterns.IsPublic(f) && !AstPatterns.IsConstructor(f)))
        {
            if (function.Ancestor("ContractDefinition") is not { } contract || reported.Contains(contract))
            {
                continue;
            }
            var types = function.Child("parameters")?.Children.Select(p => p.TypeString).ToList() ?? [];
            if (types.Count != 2 || types[0] != "address" || !types[1].StartsWith("uint", StringComparison.Ordinal))
            {
                continue;
            }
            // The check may sit in a modifier (onlyPayloadSize(2 * 32)); an owner-only function is called by the owner's own client.
            var modifiers = function.ChildrenIn("modifiers").Select(m => m.Child("modifierName")).OfType<AstNode>().Select(context.Declaration).OfType<AstNode>();
            var checksLength = modifiers.Prepend(function).SelectMany(f => f.Descendants()).Any(n => n.NodeType == "MemberAccess" && n.Name == "length" && n.Child("expression") is { } e && AstPatterns.IsMember(e, "msg", "data"));
            if (AstPatterns.IsRestricted(context, function))
            {
                continue;
            }
            // The shifted amount hurts where it is debited from a balance (transfer), not where it is only recorded (approve).
            var debits = function.Descendants().Any(n => n.NodeType == "Assignment" && n.Child("leftHandSide")?.NodeType == "IndexAccess" && context.IsStateVariable(n.Child("leftHandSide"))
                && (n.Str("operator") == "-=" || (n.Str("operator") == "=" && n.Child("rightHandSide")?.DescendantsAndSelf().Any(r => (r.NodeType == "BinaryOperation" && r.Str("operator") == "-") || (r.NodeType == "MemberAccess" && r.Name == "sub")) == true)));
            if (!checksLength && debits && reported.Add(contract))
            {
                yield return At(context, function, "low");
            }
        }
    }
}
