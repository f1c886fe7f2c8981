namespace NutPortal.Core.SecurityPolicy;

/// <summary>The rules a security policy refuses a transaction by (stored with each gateway refusal).</summary>
public static class SecurityPolicyRules
{
    /// <summary>An access rule covers the call and admits none of the caller's organizations and roles.</summary>
    public const string AccessDenied = "policy-access-denied";

    /// <summary>The calldata carries personal data and the policy rejects it.</summary>
    public const string PiiRejected = "pii-rejected";

    /// <summary>The calldata carries personal data in plaintext and the policy takes it only encrypted.</summary>
    public const string PiiNotEncrypted = "pii-not-encrypted";

    /// <summary>A pattern of the policy ran out of time on the calldata: refused rather than let through unchecked.</summary>
    public const string PiiCheckTimeout = "pii-check-timeout";

    public static IReadOnlyList<string> All { get; } = [AccessDenied, PiiRejected, PiiNotEncrypted, PiiCheckTimeout];

    /// <summary>How a kind of personal data reads in a refusal ("an e-mail address").</summary>
    public static string Describe(string kind) => kind switch
    {
        PiiDetector.Email => "an e-mail address",
        PiiDetector.Phone => "a phone number",
        PiiDetector.Card => "a card number (Luhn-valid)",
        PiiDetector.Iban => "an IBAN (checksum-valid)",
        _ => $"personal data matching {kind}",
    };
}
