using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// A secp256k1 private key. Dispose clears the key bytes; ToString shows only the address.
/// </summary>
public sealed class PrivateKey : IDisposable
{
    private readonly byte[] _key = new byte[32];
    private bool _disposed;

    private PrivateKey(ReadOnlySpan<byte> key)
    {
        ToScalar(key); // validates the range
        key.CopyTo(_key);
        PublicKey = GeneratorTable.Multiply(ToScalar(key)).ToAffine()!.Value.Encode();
        Address = Address.FromPublicKey(PublicKey);
    }

    /// <summary>Uncompressed public key, 65 bytes starting with 0x04.</summary>
    public byte[] PublicKey { get; }

    public Address Address { get; }

    /// <summary>A fresh key from the OS random number generator.</summary>
    public static PrivateKey Generate()
    {
        Span<byte> buffer = stackalloc byte[32];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(buffer);
                var d = new BigInteger(buffer, isUnsigned: true, isBigEndian: true);
                if (d.Sign > 0 && d < Secp256k1.N)
                {
                    return new PrivateKey(buffer);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    /// <summary>Imports 32 big-endian bytes; must be in [1, n-1].</summary>
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

    /// <summary>Signs a 32-byte digest (RFC 6979, low s).</summary>
    public Signature Sign(ReadOnlySpan<byte> hash) => Ecdsa.Sign(KeyBytes, hash);

    /// <summary>EIP-191 personal_sign of raw bytes.</summary>
    public Signature SignMessage(ReadOnlySpan<byte> message) => Sign(PersonalMessage.Hash(message));

    /// <summary>EIP-191 personal_sign of a UTF-8 string.</summary>
    public Signature SignMessage(string message) => SignMessage(Encoding.UTF8.GetBytes(message));

    /// <summary>Copies the secret out (caller owns and should clear it). Prefer keeping keys inside this type.</summary>
    public byte[] ExportBytes() => KeyBytes.ToArray();

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_key);
        _disposed = true;
    }

    public override string ToString() => Address.ToString();

    private ReadOnlySpan<byte> KeyBytes => _disposed ? throw new ObjectDisposedException(nameof(PrivateKey)) : _key;

    internal static BigInteger ToScalar(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"A private key is 32 bytes, got {key.Length}.", nameof(key));
        }
        var d = new BigInteger(key, isUnsigned: true, isBigEndian: true);
        if (d.IsZero || d >= Secp256k1.N)
        {
            throw new ArgumentException("Private key is out of range (must be in [1, n-1]).", nameof(key));
        }
        return d;
    }
}
