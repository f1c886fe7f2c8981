using System.Numerics;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>secp256k1 ECDSA over 32-byte digests: signing (RFC 6979, low-s) and public-key recovery.</summary>
public static class Ecdsa
{
    /// <summary>Signs a 32-byte digest; the result matches ethers' SigningKey.sign exactly.</summary>
    public static Signature Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> hash)
    {
        RequireHash(hash);
        var d = PrivateKey.ToScalar(privateKey);
        var e = new BigInteger(hash, isUnsigned: true, isBigEndian: true);
        var keyCopy = privateKey.ToArray(); // the nonce iterator cannot capture a span
        try
        {
            return SignWithNonces(keyCopy, hash.ToArray(), d, e);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(keyCopy);
        }
    }

    private static Signature SignWithNonces(byte[] key, byte[] hash, BigInteger d, BigInteger e)
    {
        var n = Secp256k1.N;
        foreach (var k in Rfc6979.Nonces(key, hash))
        {
            var rPoint = GeneratorTable.Multiply(k).ToAffine();
            if (rPoint is null)
            {
                continue;
            }
            var rx = rPoint.Value.X.ToBigInteger();
            var r = rx % n;
            if (r.IsZero)
            {
                continue;
            }
            var s = Secp256k1.InverseModN(k) * ((e + (r * d)) % n) % n;
            if (s.IsZero)
            {
                continue;
            }
            var parity = rPoint.Value.Y.IsOdd ? 1 : 0;
            // The x >= n case (recovery ids 2/3) has probability ~2^-128; recovery ids above 1 are not representable.
            if (rx >= n)
            {
                continue;
            }
            if (s > Secp256k1.HalfN)
            {
                s = n - s;
                parity ^= 1;
            }
            return new Signature(r, s, parity);
        }
        throw new InvalidOperationException("unreachable: nonce stream is infinite");
    }

    /// <summary>Recovers the uncompressed public key (65 bytes, 0x04 prefix) that produced the signature.</summary>
    public static byte[] RecoverPublicKey(ReadOnlySpan<byte> hash, Signature signature)
    {
        RequireHash(hash);
        ArgumentNullException.ThrowIfNull(signature);
        var n = Secp256k1.N;
        var rPoint = Secp256k1.Lift(signature.R, signature.YParity == 1)
            ?? throw new SignatureException("Signature r is not the x-coordinate of a curve point.");
        var e = new BigInteger(hash, isUnsigned: true, isBigEndian: true) % n;
        var rInv = Secp256k1.InverseModN(signature.R);
        var u1 = Secp256k1.Mod(-e * rInv, n);
        var u2 = signature.S * rInv % n;
        var q = Secp256k1.Add(GeneratorTable.Multiply(u1), Endomorphism.Multiply(rPoint, u2)).ToAffine()
            ?? throw new SignatureException("Recovered public key is the point at infinity.");
        return q.Encode();
    }

    /// <summary>Recovers the signer's address.</summary>
    public static Address RecoverAddress(ReadOnlySpan<byte> hash, Signature signature) =>
        Address.FromPublicKey(RecoverPublicKey(hash, signature));

    /// <summary>Verifies a signature against an uncompressed public key (accepts high s as plain ECDSA does).</summary>
    public static bool Verify(ReadOnlySpan<byte> hash, Signature signature, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (publicKey.Length != 65 || publicKey[0] != 0x04)
        {
            return false;
        }
        if (hash.Length != 32 || FieldElement.FromBytes(publicKey[1..33]) is not { } qx || FieldElement.FromBytes(publicKey[33..]) is not { } qy
            || !Secp256k1.IsOnCurve(new AffinePoint(qx, qy)))
        {
            return false;
        }
        var q = new AffinePoint(qx, qy);
        var n = Secp256k1.N;
        var e = new BigInteger(hash, isUnsigned: true, isBigEndian: true) % n;
        var w = Secp256k1.InverseModN(signature.S);
        var x = Secp256k1.Add(GeneratorTable.Multiply(e * w % n), Endomorphism.Multiply(q, signature.R * w % n)).ToAffine();
        return x is not null && x.Value.X.ToBigInteger() % n == signature.R;
    }

    private static void RequireHash(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 32)
        {
            throw new ArgumentException($"Expected a 32-byte digest, got {hash.Length} bytes.", nameof(hash));
        }
    }
}

/// <summary>A signature that cannot be recovered or is malformed.</summary>
public sealed class SignatureException : Exception
{
    public SignatureException(string message)
        : base(message)
    {
    }

    public SignatureException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SignatureException()
    {
    }
}
