using System.Security.Cryptography;
using System.Text;
using NBitcoin.Secp256k1;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// A secp256k1 private key held as NBitcoin.Secp256k1's <see cref="ECPrivKey"/> (Nethereum's dependency, a port of
/// libsecp256k1: constant-time signing and public-key derivation). Signing calls the same
/// <c>TrySignRecoverable</c> Nethereum's <c>EthECKey</c> calls when <c>EthECKey.SignRecoverable</c> is on; we call it
/// directly because <c>EthECKey</c> drops a private key's leading zero bytes (1 key in 256 then fails to sign) and
/// derives its public key with BouncyCastle's variable-time multiplier. Dispose clears the key; ToString shows only
/// the address.
/// </summary>
public sealed class PrivateKey : IDisposable
{
    private readonly ECPrivKey _secret;
    private bool _disposed;

    private PrivateKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"A private key is 32 bytes, got {key.Length}.", nameof(key));
        }
        if (!Context.Instance.TryCreateECPrivKey(key, out var secret) || secret is null)
        {
            throw new ArgumentException("Private key is out of range (must be in [1, n-1]).", nameof(key));
        }
        _secret = secret;
        PublicKey = secret.CreatePubKey().ToBytes(false);
        Address = Address.FromPublicKey(PublicKey);
    }

    /// <summary>Uncompressed public key, 65 bytes starting with 0x04.</summary>
    public byte[] PublicKey { get; }

    public Address Address { get; }

    /// <summary>A fresh key from the OS random number generator.</summary>
    public static PrivateKey Generate()
    {
        var buffer = new byte[32];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(buffer);
                if (Context.Instance.TryCreateECPrivKey(buffer, out var k) && k is not null)
                {
                    k.Dispose();
                    return new PrivateKey(buffer);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    public static PrivateKey FromBytes(ReadOnlySpan<byte> key) => new(key);

    /// <summary>Imports 64 hex digits with optional 0x.</summary>
    public static PrivateKey FromHex(string hex)
    {
        var bytes = Hex.TryDecode(hex?.Trim(), out var b) ? b : throw new FormatException("Private key is not valid hex.");
        try
        {
            return new PrivateKey(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Signs a 32-byte digest (RFC 6979, low s) on libsecp256k1's path.</summary>
    public Signature Sign(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException($"Expected a 32-byte digest, got {hash.Length} bytes.", nameof(hash));
        }
        if (!Secret.TrySignRecoverable(hash, out var sig) || sig is null)
        {
            throw new InvalidOperationException("libsecp256k1 could not sign the digest.");
        }
        Span<byte> rs = stackalloc byte[64];
        sig.WriteToSpanCompact(rs, out var recoveryId);
        return new Signature(Signature.ToInteger(rs[..32]), Signature.ToInteger(rs[32..]), recoveryId);
    }

    /// <summary>EIP-191 personal_sign of raw bytes.</summary>
    public Signature SignMessage(ReadOnlySpan<byte> message) => Sign(PersonalMessage.Hash(message));

    public Signature SignMessage(string message) => SignMessage(Encoding.UTF8.GetBytes(message));

    /// <summary>Copies the secret out (caller owns and should clear it).</summary>
    public byte[] ExportBytes()
    {
        var bytes = new byte[32];
        Secret.WriteToSpan(bytes);
        return bytes;
    }

    public void Dispose()
    {
        _secret.Dispose();
        _disposed = true;
    }

    public override string ToString() => Address.ToString();

    private ECPrivKey Secret => _disposed ? throw new ObjectDisposedException(nameof(PrivateKey)) : _secret;
}
