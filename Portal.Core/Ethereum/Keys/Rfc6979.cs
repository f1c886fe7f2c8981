using System.Numerics;
using System.Security.Cryptography;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>Deterministic nonce generation (RFC 6979, HMAC-SHA256), as ethers/noble do without extra entropy.</summary>
internal static class Rfc6979
{
    /// <summary>Yields candidate nonces in [1, n-1]; the caller takes the first that gives a valid signature.</summary>
    public static IEnumerable<BigInteger> Nonces(ReadOnlyMemory<byte> privateKey, ReadOnlyMemory<byte> hash)
    {
        // bits2octets(h): h as an integer reduced mod n (qlen = hlen = 256, so no shift).
        var h = new BigInteger(hash.Span, isUnsigned: true, isBigEndian: true) % Secp256k1.N;
        var h1 = ToBytes32(h);
        var v = new byte[32];
        var k = new byte[32];
        Array.Fill(v, (byte)0x01);
        try
        {
            k = Mac(k, v, 0x00, privateKey.Span, h1);
            v = HMACSHA256.HashData(k, v);
            k = Mac(k, v, 0x01, privateKey.Span, h1);
            v = HMACSHA256.HashData(k, v);
            while (true)
            {
                v = HMACSHA256.HashData(k, v);
                var candidate = new BigInteger(v, isUnsigned: true, isBigEndian: true);
                if (candidate.Sign > 0 && candidate < Secp256k1.N)
                {
                    yield return candidate;
                }
                k = Mac(k, v, 0x00, [], []);
                v = HMACSHA256.HashData(k, v);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(k);
            CryptographicOperations.ZeroMemory(v);
        }
    }

    /// <summary>HMAC_K(V || sep || x || h), clearing the temporary that holds the key.</summary>
    private static byte[] Mac(byte[] k, byte[] v, byte sep, ReadOnlySpan<byte> x, ReadOnlySpan<byte> h)
    {
        var message = new byte[v.Length + 1 + x.Length + h.Length];
        v.CopyTo(message, 0);
        message[v.Length] = sep;
        x.CopyTo(message.AsSpan(v.Length + 1));
        h.CopyTo(message.AsSpan(v.Length + 1 + x.Length));
        try
        {
            return HMACSHA256.HashData(k, message);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(message);
        }
    }

    public static byte[] ToBytes32(BigInteger value)
    {
        var result = new byte[32];
        if (!value.TryWriteBytes(result.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Value does not fit in 32 bytes.");
        }
        return result;
    }
}
