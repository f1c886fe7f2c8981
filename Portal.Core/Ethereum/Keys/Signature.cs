using System.Numerics;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>A recoverable secp256k1 signature: r, s and the recovery id y-parity (0 or 1).</summary>
public sealed record Signature
{
    /// <summary>The order n of secp256k1's group: r and s lie in [1, n-1].</summary>
    public static readonly BigInteger N = BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    public Signature(BigInteger r, BigInteger s, int yParity)
    {
        if (r.Sign <= 0 || r >= N || s.Sign <= 0 || s >= N)
        {
            throw new ArgumentException("Signature r and s must be in [1, n-1].");
        }
        R = r;
        S = s;
        YParity = yParity is 0 or 1 ? yParity : throw new ArgumentOutOfRangeException(nameof(yParity), "y-parity must be 0 or 1.");
    }

    public BigInteger R { get; }

    public BigInteger S { get; }

    public int YParity { get; }

    /// <summary>Legacy v: 27 or 28.</summary>
    public int V => 27 + YParity;

    /// <summary>True when s is in the lower half of the order (EIP-2 canonical form).</summary>
    public bool IsLowS => S <= N / 2;

    /// <summary>65 bytes r || s || v (v = 27/28), the format of eth_sign and ethers' Signature.serialized.</summary>
    public byte[] ToBytes() => [.. ToBytes32(R), .. ToBytes32(S), (byte)V];

    public string ToHex() => Hex.Encode(ToBytes());

    /// <summary>Parses 65 bytes r || s || v with v in {0, 1, 27, 28}.</summary>
    public static Signature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 65 || bytes[64] is not (0 or 1 or 27 or 28))
        {
            throw new FormatException($"A signature is 65 bytes ending in v 0, 1, 27 or 28, got {bytes.Length} bytes.");
        }
        try
        {
            return new Signature(ToInteger(bytes[..32]), ToInteger(bytes[32..64]), bytes[64] % 27);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    public static Signature FromHex(string hex) => FromBytes(Hex.Decode(hex));

    public override string ToString() => ToHex();

    internal static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    internal static byte[] ToBytes32(BigInteger value)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes.AsSpan(32 - value.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return bytes;
    }
}
