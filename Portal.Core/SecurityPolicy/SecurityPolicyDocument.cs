namespace NutPortal.Core.SecurityPolicy;

/// <summary>Data classification levels (ITU-T Y.3530 8.4.5), lowest first: a higher level is never lowered by another rule.</summary>
public enum SecurityLevel
{
    Public = 0,
    Internal = 1,
    Confidential = 2,
    Secret = 3,
}

/// <summary>What the policy does with personal data found in calldata.</summary>
public enum PiiAction
{
    /// <summary>No PII check.</summary>
    Off,

    /// <summary>Refuse the transaction.</summary>
    Reject,

    /// <summary>Let it through only as ciphertext (the encrypted marker form).</summary>
    Encrypt,
}

/// <summary>
/// A network's security policy as Operators write it (the JSON of <c>PUT /api/v1/networks/{id}/policy</c>). Contract
/// addresses are 0x-hex; functions a selector (<c>0xa9059cbb</c>) or a signature (<c>store(string)</c>); organizations
/// by id. A rule field left empty matches anything.
/// </summary>
public sealed record SecurityPolicyDocument
{
    /// <summary>The level of a transaction no level rule matches.</summary>
    public SecurityLevel DefaultLevel { get; init; } = SecurityLevel.Internal;

    /// <summary>Every matching rule is applied and the highest level wins.</summary>
    public IReadOnlyList<LevelRule> LevelRules { get; init; } = [];

    /// <summary>Who may submit to which contract and function. A call no rule matches is allowed (to those who may develop on the
    /// network); a call some rules match is allowed only to a caller one of them admits.</summary>
    public IReadOnlyList<AccessRule> AccessRules { get; init; } = [];

    /// <summary>Who may read encrypted payloads, per level (confidential, secret).</summary>
    public PayloadReaders Readers { get; init; } = new();

    public PiiSettings Pii { get; init; } = new();

    /// <summary>Named recipients whose secp256k1 public keys secret payloads are also encrypted to (ECIES).</summary>
    public IReadOnlyList<PayloadRecipient> Recipients { get; init; } = [];
}

public sealed record LevelRule(string Name, SecurityLevel Level, string? Contract = null, string? Function = null, string? SenderOrganization = null);

public sealed record AccessRule(string Name, string? Contract = null, string? Function = null, IReadOnlyList<string>? Organizations = null, IReadOnlyList<string>? Roles = null);

/// <summary>Organizations (and, optionally, roles in them) whose users may decrypt a level's payloads.</summary>
public sealed record ReaderGrant(IReadOnlyList<string>? Organizations = null, IReadOnlyList<string>? Roles = null);

public sealed record PayloadReaders
{
    public ReaderGrant Confidential { get; init; } = new();

    public ReaderGrant Secret { get; init; } = new();
}

public sealed record PiiSettings
{
    public PiiAction Action { get; init; } = PiiAction.Off;

    /// <summary>Built-in detectors to run: email, phone, card, iban (all four when empty).</summary>
    public IReadOnlyList<string> Detect { get; init; } = [];

    /// <summary>Patterns the organization adds (.NET regular expressions run in linear time: no backreferences or lookarounds).</summary>
    public IReadOnlyList<PiiPattern> Patterns { get; init; } = [];
}

public sealed record PiiPattern(string Name, string Regex);

public sealed record PayloadRecipient(string Name, string PublicKey);
