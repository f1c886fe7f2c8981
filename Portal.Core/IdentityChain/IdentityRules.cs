namespace NutPortal.Core.IdentityChain;

/// <summary>The rules an identity answer is refused by (stored with each gateway refusal).</summary>
public static class IdentityRules
{
    public const string Required = "identity-required";
    public const string Malformed = "identity-answer-malformed";
    public const string ChallengeUnknown = "identity-challenge-unknown";
    public const string ChallengeForeign = "identity-challenge-foreign";
    public const string ChallengeExpired = "identity-challenge-expired";
    public const string ChallengeUsed = "identity-challenge-used";
    public const string SignatureInvalid = "identity-signature-invalid";
    public const string Unknown = "identity-unknown";
    public const string Suspended = "identity-suspended";
    public const string Revoked = "identity-revoked";
    public const string NotPermitted = "identity-not-permitted";
    public const string RegistryUnavailable = "identity-registry-down";
}
