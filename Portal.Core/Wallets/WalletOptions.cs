using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Wallets;

/// <summary>Wallet settings (Portal:Wallets), validated at start.</summary>
public sealed class WalletOptions
{
    public const string Section = "Portal:Wallets";

    [Range(1, 1000)]
    public int MaxAccountsPerUser { get; set; } = 50;

    /// <summary>Largest keystore file accepted (a V3 file is well under 1 KiB; a few KiB leave room for extra fields).</summary>
    [Range(512, 1024 * 1024)]
    public int MaxKeystoreBytes { get; set; } = 16 * 1024;

    /// <summary>Keystore decryptions (scrypt: CPU and memory heavy) running at once; more wait their turn.</summary>
    [Range(1, 64)]
    public int KeystoreConcurrency { get; set; } = 2;

    /// <summary>scrypt cost of exported keystores (ethers' default is 2^17).</summary>
    [Range(1 << 10, 1 << 18)]
    public int ExportScryptN { get; set; } = 1 << 17;

    /// <summary>What one faucet payment sends, in ether.</summary>
    [Range(typeof(decimal), "0.000001", "1000")]
    public decimal FaucetAmountEth { get; set; } = 1m;

    /// <summary>Faucet payments a user may receive per window, over all their accounts.</summary>
    [Range(1, 1000)]
    public int FaucetPerUser { get; set; } = 5;

    /// <summary>Faucet payments one account may receive per window.</summary>
    [Range(1, 1000)]
    public int FaucetPerAccount { get; set; } = 1;

    [Range(1, 7 * 24 * 3600)]
    public int FaucetWindowSeconds { get; set; } = 3600;

    /// <summary>Tokens the holdings view lists per network (most recently moved first).</summary>
    [Range(1, 1000)]
    public int MaxTokens { get; set; } = 100;
}
