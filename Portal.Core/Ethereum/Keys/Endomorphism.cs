using System.Numerics;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// GLV scalar multiplication: secp256k1 has an efficient endomorphism phi(x, y) = (beta*x, y) = lambda*P, so
/// k*P = k1*P + k2*phi(P) with |k1|, |k2| about 128 bits, halving the doublings. Constants from libsecp256k1.
/// </summary>
internal static class Endomorphism
{
    private static readonly FieldElement Beta = FieldElement.FromBigInteger(Secp256k1.Parse("7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501ee"));
    private static readonly BigInteger A1 = Secp256k1.Parse("3086d221a7d46bcde86c90e49284eb15");
    private static readonly BigInteger MinusB1 = Secp256k1.Parse("e4437ed6010e88286f547fa90abfe4c3");
    private static readonly BigInteger A2 = Secp256k1.Parse("0114ca50f7a8e2f3f657c1108d9d44cfd8");
    private static readonly BigInteger B2 = A1;

    /// <summary>k * Q for an arbitrary point and 0 &lt;= k &lt; n.</summary>
    public static JacobianPoint Multiply(AffinePoint q, BigInteger k)
    {
        var (k1, k2) = Split(k);
        var p1 = k1.Sign < 0 ? q with { Y = -q.Y } : q;
        var p2 = new AffinePoint(q.X * Beta, k2.Sign < 0 ? -q.Y : q.Y);
        var t1 = Table(p1);
        var t2 = Table(p2);
        var e1 = BigInteger.Abs(k1).ToByteArray(isUnsigned: true, isBigEndian: false);
        var e2 = BigInteger.Abs(k2).ToByteArray(isUnsigned: true, isBigEndian: false);
        var acc = JacobianPoint.Infinity;
        for (var nibble = (2 * Math.Max(e1.Length, e2.Length)) - 1; nibble >= 0; nibble--)
        {
            acc = Secp256k1.Double(Secp256k1.Double(Secp256k1.Double(Secp256k1.Double(acc))));
            acc = Secp256k1.Add(acc, t1[Nibble(e1, nibble)]);
            acc = Secp256k1.Add(acc, t2[Nibble(e2, nibble)]);
        }
        return acc;
    }

    /// <summary>Splits k into (k1, k2) with k = k1 + k2*lambda (mod n), both about half length.</summary>
    internal static (BigInteger K1, BigInteger K2) Split(BigInteger k)
    {
        var n = Secp256k1.N;
        var c1 = ((B2 * k) + (n >> 1)) / n;
        var c2 = ((MinusB1 * k) + (n >> 1)) / n;
        var k1 = k - (c1 * A1) - (c2 * A2);
        var k2 = (c1 * MinusB1) - (c2 * B2);
        return (k1, k2);
    }

    private static JacobianPoint[] Table(AffinePoint p)
    {
        var table = new JacobianPoint[16];
        table[0] = JacobianPoint.Infinity;
        for (var i = 1; i < 16; i++)
        {
            table[i] = Secp256k1.Add(table[i - 1], p);
        }
        return table;
    }

    private static int Nibble(byte[] littleEndian, int index) =>
        index / 2 >= littleEndian.Length ? 0 : (index % 2 == 0 ? littleEndian[index / 2] & 0xf : littleEndian[index / 2] >> 4);
}
