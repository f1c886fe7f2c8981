using System.Text.Json.Serialization;

namespace NutPortal.Core.IdentityChain;

/// <summary>The signature algorithms an identity chain can use.</summary>
public static class IdentityCurves
{
    /// <summary>"Ethereum-modified ECDSA": a recoverable 65-byte signature (r, s, v) over the EIP-191 personal message.</summary>
    public const string Secp256k1 = "secp256k1";

    /// <summary>The original ECDSA on NIST P-256: a 64-byte r‖s signature over SHA-256 of the message.</summary>
    public const string P256 = "p256";

    public static IReadOnlyList<string> All { get; } = [Secp256k1, P256];

    /// <summary>The number the registry contract stores for the curve.</summary>
    public static byte Code(string curve) => curve == P256 ? (byte)2 : (byte)1;

    public static string? FromCode(long code) => code switch { 1 => Secp256k1, 2 => P256, _ => null };
}

/// <summary>What an identity may be used for.</summary>
public static class IdentityPermissions
{
    /// <summary>Answer challenges for transactions at a network's gateway.</summary>
    public const string Transact = "transact";

    /// <summary>Sign in to the portal as the user who registered the identity.</summary>
    public const string SignIn = "sign-in";

    public static IReadOnlyList<string> All { get; } = [Transact, SignIn];
}

/// <summary>A registration field users fill in: its type (string, number, email, date), whether it is required and a pattern.</summary>
public sealed record IdentityField
{
    public string Name { get; init; } = "";

    public string Type { get; init; } = "string";

    public bool Required { get; init; }

    public string? Pattern { get; init; }
}

/// <summary>An organization's identity-chain profile, as uploaded (JSON, camelCase).</summary>
public sealed record IdentityProfile
{
    public string Name { get; init; } = "";

    /// <summary>Put before each identity's address (e.g. "did:acme:").</summary>
    public string AddressPrefix { get; init; } = "";

    public IReadOnlyList<string> Permissions { get; init; } = [];

    public IReadOnlyList<IdentityField> Fields { get; init; } = [];

    /// <summary><see cref="IdentityCurves.Secp256k1"/> or <see cref="IdentityCurves.P256"/>.</summary>
    [JsonPropertyName("signatureAlgorithm")]
    public string SignatureAlgorithm { get; init; } = "";
}
