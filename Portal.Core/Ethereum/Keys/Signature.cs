using System.Numerics;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// A recoverable secp256k1 signature: r, s (32-byte big-endian integers) and the recovery id y-parity (0 or 1).
/// </summary>
public sealed record Signature
{
    public Signature(BigInteger r, BigInteger s, int yParity)
    {
        if (r.Sign <= 0 || r >= Secp256k1.N || s.Sign <= 0 || s >= Secp256k1.N)
        {
            throw new ArgumentException("Signature r and s must be in [1, n-1].");
        }
        if (yParity is not (0 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(yParity), "y-parity must be 0 or 1.");
        }
        R = r;
        S = s;
        YParity = yParity;
    }

    public BigInteger R { get; }

    public BigInteger S { get; }

    public int YParity { get; }

    /// <summary>Legacy v: 27 or 28.</summary>
    public int V => 27 + YParity;

    /// <summary>True when s is in the lower half of the order (EIP-2 canonical form).</summary>
    public bool IsLowS => S <= Secp256k1.HalfN;

    /// <summary>65 bytes r || s || v (v = 27/28), the format of eth_sign and ethers' Signature.serialized.</summary>
    public byte[] ToBytes() => [.. Rfc6979.ToBytes32(R), .. Rfc6979.ToBytes32(S), (byte)V];

    public string ToHex() => Hex.Encode(ToBytes());

    /// <summary>Parses 65 bytes r || s || v with v in {0, 1, 27, 28}.</summary>
    public static Signature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 65)
        {
            throw new FormatException($"A signature is 65 bytes, got {bytes.Length}.");
        }
        int v = bytes[64];
        var parity = v switch
        {
            0 or 27 => 0,
            1 or 28 => 1,
            _ => throw new FormatException($"Signature v must be 0, 1, 27 or 28, got {v}."),
        };
        var r = new BigInteger(bytes[..32], isUnsigned: true, isBigEndian: true);
        var s = new BigInteger(bytes[32..64], isUnsigned: true, isBigEndian: true);
        if (r.Sign == 0 || r >= Secp256k1.N || s.Sign == 0 || s >= Secp256k1.N)
        {
            throw new FormatException("Signature r and s must be in [1, n-1].");
        }
        return new Signature(r, s, parity);
    }

    public static Signature FromHex(string hex) => FromBytes(Hex.Decode(hex));

    public override string ToString() => ToHex();
}
