using NutPortal.Core.Ethereum;
using NutPortal.Core.Organizations;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>
/// A network's policy ready to apply: contract addresses lower-cased, functions as selectors, patterns compiled,
/// recipients' keys parsed. Made only from a document that <see cref="SecurityPolicyValidator"/> accepted.
/// </summary>
public sealed class CompiledPolicy
{
    private readonly IReadOnlyDictionary<string, string> _selectors;

    internal CompiledPolicy(int version, SecurityPolicyDocument document, IReadOnlyList<CompiledPattern> patterns, IReadOnlyList<byte[]> recipientKeys,
        IReadOnlyDictionary<string, string> selectors)
    {
        _selectors = selectors;
        Version = version;
        Document = document;
        Patterns = patterns;
        RecipientKeys = recipientKeys;
        Detectors = document.Pii.Detect.Count == 0 ? PiiDetector.BuiltIn : [.. document.Pii.Detect.Select(d => d.ToLowerInvariant())];
    }

    /// <summary>A network that never saved a policy: everything internal, no access rules, no PII check.</summary>
    public static CompiledPolicy None { get; } = new(0, new SecurityPolicyDocument(), [], [], new Dictionary<string, string>());

    public int Version { get; }

    public SecurityPolicyDocument Document { get; }

    public IReadOnlyList<CompiledPattern> Patterns { get; }

    public IReadOnlyList<string> Detectors { get; }

    public IReadOnlyList<byte[]> RecipientKeys { get; }

    public PiiAction PiiAction => Document.Pii.Action;

    /// <summary>The transaction's level: the highest of the matching rules', or the default.</summary>
    public SecurityLevel LevelOf(string? to, byte[] data, IEnumerable<string> senderOrganizations)
    {
        var organizations = senderOrganizations.ToHashSet(StringComparer.Ordinal);
        var level = Document.DefaultLevel;
        foreach (var rule in Document.LevelRules)
        {
            if (Matches(rule.Contract, rule.Function, to, data) && (rule.SenderOrganization is null || organizations.Contains(rule.SenderOrganization)) && rule.Level > level)
            {
                level = rule.Level;
            }
        }
        return level;
    }

    /// <summary>Null when the caller may submit this call; else the names of the access rules that cover it (none admitting the caller).</summary>
    public IReadOnlyList<string>? DeniedBy(string? to, byte[] data, Caller caller, IEnumerable<string> networkOrganizations)
    {
        var matching = Document.AccessRules.Where(r => Matches(r.Contract, r.Function, to, data)).ToList();
        if (matching.Count == 0)
        {
            return null;
        }
        var organizations = networkOrganizations.ToList();
        return matching.Any(r => Admits(r.Organizations, r.Roles, caller, organizations)) ? null : [.. matching.Select(r => r.Name)];
    }

    /// <summary>Whether the caller may read a payload of this level in plaintext (public and internal ones are not encrypted).</summary>
    public bool MayRead(SecurityLevel level, Caller caller, IEnumerable<string> networkOrganizations)
    {
        var grant = level switch
        {
            SecurityLevel.Secret => Document.Readers.Secret,
            SecurityLevel.Confidential => Document.Readers.Confidential,
            _ => null,
        };
        return grant is null || (grant.Organizations is { Count: > 0 } && Admits(grant.Organizations, grant.Roles, caller, [.. networkOrganizations]));
    }

    /// <summary>The first personal data found: its kind and where (never the text), or null.</summary>
    public (string Kind, CalldataTextPiece Piece)? FindPii(IEnumerable<CalldataTextPiece> pieces)
    {
        foreach (var piece in pieces)
        {
            if (PiiDetector.Find(piece.Text, Detectors, Patterns) is { } kind)
            {
                return (kind, piece);
            }
        }
        return null;
    }

    /// <summary>An organization listed (and, when roles are listed, one of them held there); no organizations listed means any of the network's.</summary>
    private static bool Admits(IReadOnlyList<string>? organizations, IReadOnlyList<string>? roles, Caller caller, IReadOnlyList<string> networkOrganizations)
    {
        var candidates = organizations is { Count: > 0 } ? organizations : networkOrganizations;
        return candidates.Any(o => caller.IsMember(o) && (roles is not { Count: > 0 } || roles.Any(caller.RolesIn(o).Contains)));
    }

    /// <summary>A rule's contract and function against the call (a function by selector or signature, compiled to the selector).</summary>
    private bool Matches(string? contract, string? function, string? to, byte[] data) =>
        (contract is null || string.Equals(contract, to, StringComparison.OrdinalIgnoreCase))
        && (function is null || (data.Length >= 4 && _selectors.TryGetValue(function, out var selector) && selector == Hex.Encode(data.AsSpan(0, 4))));
}
