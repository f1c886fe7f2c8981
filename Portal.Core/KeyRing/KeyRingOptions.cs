namespace NutPortal.Core.KeyRing;

/// <summary>
/// How the data-protection key ring (the keys that encrypt cookies, node, oracle and wallet secrets) is protected at
/// rest (section <c>Portal:DataProtection</c>): with a certificate (X.509, PFX file) or with a 256-bit master key from
/// configuration. Previous certificates and master keys only decrypt, so rotating is: configure the new one, move the
/// old one to the previous list, run <c>Portal protect-keys</c>, then drop the old one.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "Portal:DataProtection";

    /// <summary>A PFX file with a private key; keys are encrypted to it (XML encryption, RSA).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>PFX files of earlier certificates (same password), to read keys written under them.</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];

    /// <summary>Base64 of 32 random bytes (e.g. <c>openssl rand -base64 32</c>); keys are encrypted under it with AES-256-GCM.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Earlier master keys, to read keys written under them.</summary>
    public List<string> PreviousMasterKeys { get; set; } = [];

    /// <summary>Start in Production with the key ring in clear anyway (not recommended; the default outside Production).</summary>
    public bool AllowUnprotected { get; set; }

    public bool UsesCertificate => !string.IsNullOrWhiteSpace(CertificatePath);

    public bool UsesMasterKey => !string.IsNullOrWhiteSpace(MasterKey);
}
