using System.Text.RegularExpressions;
using Nethereum.Util;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Organizations;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>
/// Checks a policy before it is saved and compiles it: every problem is reported with the field that has it
/// ("accessRules[1].function", "pii.patterns[0].regex"), nothing is saved while any remain.
/// </summary>
public static class SecurityPolicyValidator
{
    public const int MaxRules = 200;
    public const int MaxPatterns = 20;
    public const int MaxPatternLength = 500;
    public const int MaxRecipients = 20;

    private static readonly Regex Selector = new("^0x[0-9a-fA-F]{8}$", RegexOptions.CultureInvariant);
    private static readonly Regex Signature = new(@"^[A-Za-z_$][A-Za-z0-9_$]*\([A-Za-z0-9_\[\](),]*\)$", RegexOptions.CultureInvariant);

    public static (CompiledPolicy? Policy, Dictionary<string, List<string>> Errors) Compile(SecurityPolicyDocument document, int version, IReadOnlyCollection<string> networkOrganizations)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }
            list.Add(message);
        }
        var selectors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Target(string field, string? contract, string? function)
        {
            if (contract is not null && !(contract.Length == 42 && Hex.IsHex(contract) && contract.StartsWith("0x", StringComparison.Ordinal)))
            {
                Error(field + ".contract", "A contract address: 0x and 40 hex digits.");
            }
            if (function is null)
            {
                return;
            }
            if (Selector.IsMatch(function))
            {
                selectors[function] = function.ToLowerInvariant();
            }
            else if (Signature.IsMatch(function))
            {
                selectors[function] = Hex.Encode(Sha3Keccack.Current.CalculateHash(System.Text.Encoding.ASCII.GetBytes(function)).AsSpan(0, 4));
            }
            else
            {
                Error(field + ".function", "A selector (0x and 8 hex digits) or a signature such as store(string), without spaces or parameter names.");
            }
        }
        void Organizations(string field, IReadOnlyList<string>? organizations, IReadOnlyList<string>? roles)
        {
            foreach (var (o, i) in (organizations ?? []).Select((o, i) => (o, i)))
            {
                if (!networkOrganizations.Contains(o))
                {
                    Error($"{field}.organizations[{i}]", $"'{o}' is not one of this network's organizations ({string.Join(", ", networkOrganizations)}).");
                }
            }
            foreach (var (r, i) in (roles ?? []).Select((r, i) => (r, i)))
            {
                if (!OrgRoles.IsKnown(r))
                {
                    Error($"{field}.roles[{i}]", $"'{r}' is not a role: {string.Join(", ", OrgRoles.All)}.");
                }
            }
        }
        void Name(string field, string? name)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 64)
            {
                Error(field + ".name", "A name of 1 to 64 characters: refusals name the rule.");
            }
        }

        if (document.LevelRules.Count > MaxRules || document.AccessRules.Count > MaxRules)
        {
            Error(document.LevelRules.Count > MaxRules ? "levelRules" : "accessRules", $"At most {MaxRules} rules.");
        }
        for (var i = 0; i < document.LevelRules.Count; i++)
        {
            var rule = document.LevelRules[i];
            Name($"levelRules[{i}]", rule.Name);
            Target($"levelRules[{i}]", rule.Contract, rule.Function);
            if (rule.SenderOrganization is { } org && !networkOrganizations.Contains(org))
            {
                Error($"levelRules[{i}].senderOrganization", $"'{org}' is not one of this network's organizations.");
            }
        }
        for (var i = 0; i < document.AccessRules.Count; i++)
        {
            var rule = document.AccessRules[i];
            Name($"accessRules[{i}]", rule.Name);
            Target($"accessRules[{i}]", rule.Contract, rule.Function);
            Organizations($"accessRules[{i}]", rule.Organizations, rule.Roles);
        }
        Organizations("readers.confidential", document.Readers.Confidential.Organizations, document.Readers.Confidential.Roles);
        Organizations("readers.secret", document.Readers.Secret.Organizations, document.Readers.Secret.Roles);
        for (var i = 0; i < document.Pii.Detect.Count; i++)
        {
            if (!PiiDetector.BuiltIn.Contains(document.Pii.Detect[i].ToLowerInvariant()))
            {
                Error($"pii.detect[{i}]", $"'{document.Pii.Detect[i]}' is not a detector: {string.Join(", ", PiiDetector.BuiltIn)}.");
            }
        }
        var patterns = new List<CompiledPattern>();
        if (document.Pii.Patterns.Count > MaxPatterns)
        {
            Error("pii.patterns", $"At most {MaxPatterns} patterns.");
        }
        for (var i = 0; i < Math.Min(document.Pii.Patterns.Count, MaxPatterns); i++)
        {
            var pattern = document.Pii.Patterns[i];
            Name($"pii.patterns[{i}]", pattern.Name);
            if (string.IsNullOrEmpty(pattern.Regex) || pattern.Regex.Length > MaxPatternLength)
            {
                Error($"pii.patterns[{i}].regex", $"A regular expression of 1 to {MaxPatternLength} characters.");
                continue;
            }
            try
            {
                patterns.Add(PiiDetector.Compile(pattern));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                Error($"pii.patterns[{i}].regex", $"Not a pattern the gateway can run in linear time: {e.Message} (backreferences, lookarounds and atomic groups are not supported).");
            }
        }
        var keys = new List<byte[]>();
        if (document.Recipients.Count > MaxRecipients)
        {
            Error("recipients", $"At most {MaxRecipients} recipients.");
        }
        for (var i = 0; i < document.Recipients.Count; i++)
        {
            Name($"recipients[{i}]", document.Recipients[i].Name);
            try
            {
                keys.Add(Ecies.Uncompressed(Hex.Decode(document.Recipients[i].PublicKey ?? "")));
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                Error($"recipients[{i}].publicKey", "A secp256k1 public key: 0x and 66 (compressed) or 130 (uncompressed, 04…) hex digits.");
            }
        }
        return errors.Count > 0 ? (null, errors) : (new CompiledPolicy(version, document, patterns, keys, selectors), errors);
    }
}
