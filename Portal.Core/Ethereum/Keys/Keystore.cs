using System.Text.Json;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// Web3 Secret Storage (keystore V3) files through Nethereum.KeyStore. Before decrypting, the file's KDF cost is
/// checked against <see cref="KeystoreLimits"/>: a file is user input, and one claiming scrypt n = 2^30 would
/// otherwise hold a core and gigabytes of memory for minutes.
/// </summary>
public static class Keystore
{
    /// <summary>Encrypts <paramref name="key"/> with scrypt (n, r = 8, p = 1; ethers' default n is 2^17) or PBKDF2-SHA256.</summary>
    public static string Encrypt(PrivateKey key, string password, KeystoreKdf kdf = KeystoreKdf.Scrypt, int cost = 1 << 17)
    {
        ArgumentNullException.ThrowIfNull(key);
        var secret = key.ExportBytes();
        try
        {
            var address = key.Address.ToLowerHex();
            return kdf == KeystoreKdf.Scrypt
                ? new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(password, secret, address, new ScryptParams { Dklen = 32, N = cost, R = 8, P = 1 })
                : new KeyStorePbkdf2Service().EncryptAndGenerateKeyStoreAsJson(password, secret, address, new Pbkdf2Params { Dklen = 32, Count = cost, Prf = "hmac-sha256" });
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Decrypts a keystore; throws <see cref="KeystoreException"/> naming the problem (bad file, cost over the limits, wrong password).</summary>
    public static PrivateKey Decrypt(string json, string password, KeystoreLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        var declared = CheckCost(json, limits ?? new KeystoreLimits());
        byte[] secret;
        try
        {
            secret = new KeyStoreService().DecryptKeyStoreFromJson(password, json);
        }
        catch (Nethereum.KeyStore.Crypto.DecryptionException e)
        {
            throw new KeystoreException("Wrong password, or the keystore is damaged (its MAC does not match).", e);
        }
        catch (Exception e) when (e is not KeystoreException)
        {
            throw new KeystoreException($"The keystore cannot be read: {e.Message}", e);
        }
        var key = PrivateKey.FromBytes(secret);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(secret);
        if (declared is { } address && !address.Equals(key.Address))
        {
            key.Dispose();
            throw new KeystoreException($"The keystore names address {address} but holds the key of {key.Address}.");
        }
        return key;
    }

    private static Address? CheckCost(string json, KeystoreLimits limits)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (!root.TryGetProperty("version", out var v) || v.GetInt32() != 3)
            {
                throw new KeystoreException("Only keystore version 3 files are supported.");
            }
            var crypto = root.TryGetProperty("crypto", out var c) ? c : root.GetProperty("Crypto");
            var p = crypto.GetProperty("kdfparams");
            if (p.GetProperty("dklen").GetInt32() != 32)
            {
                throw new KeystoreException("kdfparams.dklen must be 32.");
            }
            switch (crypto.GetProperty("kdf").GetString())
            {
                case "scrypt":
                    long n = p.GetProperty("n").GetInt64(), r = p.GetProperty("r").GetInt64(), par = p.GetProperty("p").GetInt64();
                    if (n < 2 || (n & (n - 1)) != 0 || r < 1 || par < 1 || 128 * n * r > limits.MaxScryptMemoryBytes || n * r * par > limits.MaxScryptWork)
                    {
                        throw new KeystoreException($"scrypt parameters n={n}, r={r}, p={par} are outside the accepted cost (memory 128·n·r ≤ {limits.MaxScryptMemoryBytes} bytes, n·r·p ≤ {limits.MaxScryptWork}).");
                    }
                    break;
                case "pbkdf2":
                    var count = p.GetProperty("c").GetInt64();
                    if (count < 1 || count > limits.MaxPbkdf2Iterations || p.GetProperty("prf").GetString() != "hmac-sha256")
                    {
                        throw new KeystoreException($"pbkdf2 needs prf hmac-sha256 and 1 to {limits.MaxPbkdf2Iterations} iterations (c={count}).");
                    }
                    break;
                case var other:
                    throw new KeystoreException($"Unknown kdf '{other}': expected scrypt or pbkdf2.");
            }
            return root.TryGetProperty("address", out var a) && Address.TryParse(a.GetString(), out var address) ? address : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new KeystoreException($"Not a keystore V3 file: {e.Message}", e);
        }
    }
}

public enum KeystoreKdf
{
    Scrypt,
    Pbkdf2,
}

/// <summary>The most KDF work a keystore may ask for before it is refused (defaults accept geth's and ethers' standard files).</summary>
public sealed record KeystoreLimits
{
    /// <summary>128·n·r: 256 MiB admits geth's standard n = 2^18, r = 8.</summary>
    public long MaxScryptMemoryBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>n·r·p: admits n = 2^18 with r·p = 8 (geth standard, Nethereum's default n = 2^18, r = 1, p = 8).</summary>
    public long MaxScryptWork { get; init; } = (1L << 18) * 8;

    public long MaxPbkdf2Iterations { get; init; } = 10_000_000;
}

public sealed class KeystoreException : Exception
{
    public KeystoreException(string message)
        : base(message)
    {
    }

    public KeystoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public KeystoreException()
    {
    }
}
