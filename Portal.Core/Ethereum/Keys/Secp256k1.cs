using System.Numerics;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// secp256k1 curve arithmetic (y^2 = x^3 + 7) in Jacobian coordinates over <see cref="FieldElement"/>.
/// Not constant-time: fine for a portal signing its own transactions, not for hostile co-tenants on one CPU.
/// </summary>
internal static class Secp256k1
{
    public static readonly BigInteger N = Parse("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    public static readonly BigInteger HalfN = N >> 1;
    public static readonly AffinePoint G = new(
        FieldElement.FromBigInteger(Parse("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")),
        FieldElement.FromBigInteger(Parse("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8")));

    private static readonly FieldElement Seven = FieldElement.FromBigInteger(7);

    public static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);

    public static BigInteger Mod(BigInteger a, BigInteger m)
    {
        var r = a % m;
        return r.Sign < 0 ? r + m : r;
    }

    /// <summary>Inverse modulo the group order (extended Euclid; m is prime and a is non-zero mod m).</summary>
    public static BigInteger InverseModN(BigInteger a)
    {
        BigInteger r0 = N, r1 = Mod(a, N), t0 = 0, t1 = 1;
        while (!r1.IsZero)
        {
            var q = BigInteger.DivRem(r0, r1, out var rem);
            (r0, r1) = (r1, rem);
            (t0, t1) = (t1, t0 - (q * t1));
        }
        return Mod(t0, N);
    }

    /// <summary>The point with this x and y parity, or null when x is not on the curve.</summary>
    public static AffinePoint? Lift(BigInteger x, bool oddY)
    {
        if (x.Sign < 0 || x.GetBitLength() > 256 || FieldElement.FromBytes(Rfc6979.ToBytes32(x)) is not { } fx)
        {
            return null;
        }
        if ((fx.Square() * fx + Seven).Sqrt() is not { } y)
        {
            return null;
        }
        return new AffinePoint(fx, y.IsOdd == oddY ? y : -y);
    }

    public static bool IsOnCurve(AffinePoint q) => q.Y.Square() == q.X.Square() * q.X + Seven;

    public static JacobianPoint Double(JacobianPoint a)
    {
        if (a.IsInfinity || a.Y.IsZero)
        {
            return JacobianPoint.Infinity;
        }
        // dbl-2009-l (curve a = 0).
        var aa = a.X.Square();
        var bb = a.Y.Square();
        var cc = bb.Square();
        var t = a.X + bb;
        var d = t.Square() - aa - cc;
        d += d;
        var e = aa + aa + aa;
        var f = e.Square();
        var x3 = f - d - d;
        var c8 = cc + cc;
        c8 += c8;
        c8 += c8;
        var y3 = (e * (d - x3)) - c8;
        var z3 = a.Y * a.Z;
        return new JacobianPoint(x3, y3, z3 + z3);
    }

    /// <summary>Jacobian + affine (madd) with explicit special cases.</summary>
    public static JacobianPoint Add(JacobianPoint a, AffinePoint b)
    {
        if (a.IsInfinity)
        {
            return new JacobianPoint(b.X, b.Y, FieldElement.One);
        }
        var z2 = a.Z.Square();
        var h = (b.X * z2) - a.X;
        var r = (b.Y * z2 * a.Z) - a.Y;
        if (h.IsZero)
        {
            return r.IsZero ? Double(a) : JacobianPoint.Infinity;
        }
        var hh = h.Square();
        var hhh = hh * h;
        var v = a.X * hh;
        var x3 = r.Square() - hhh - v - v;
        var y3 = (r * (v - x3)) - (a.Y * hhh);
        return new JacobianPoint(x3, y3, a.Z * h);
    }

    /// <summary>Jacobian + Jacobian.</summary>
    public static JacobianPoint Add(JacobianPoint a, JacobianPoint b)
    {
        if (a.IsInfinity)
        {
            return b;
        }
        if (b.IsInfinity)
        {
            return a;
        }
        var z1z1 = a.Z.Square();
        var z2z2 = b.Z.Square();
        var u1 = a.X * z2z2;
        var s1 = a.Y * b.Z * z2z2;
        var h = (b.X * z1z1) - u1;
        var r = (b.Y * a.Z * z1z1) - s1;
        if (h.IsZero)
        {
            return r.IsZero ? Double(a) : JacobianPoint.Infinity;
        }
        var hh = h.Square();
        var hhh = hh * h;
        var v = u1 * hh;
        var x3 = r.Square() - hhh - v - v;
        var y3 = (r * (v - x3)) - (s1 * hhh);
        return new JacobianPoint(x3, y3, a.Z * b.Z * h);
    }

    /// <summary>k * Q for an arbitrary point with a 4-bit fixed window.</summary>
    public static JacobianPoint Multiply(AffinePoint q, BigInteger k)
    {
        var table = new JacobianPoint[16];
        table[0] = JacobianPoint.Infinity;
        for (var i = 1; i < 16; i++)
        {
            table[i] = Add(table[i - 1], q);
        }
        var bytes = k.ToByteArray(isUnsigned: true, isBigEndian: true);
        var acc = JacobianPoint.Infinity;
        foreach (var b in bytes)
        {
            for (var half = 0; half < 2; half++)
            {
                for (var d = 0; d < 4; d++)
                {
                    acc = Double(acc);
                }
                acc = Add(acc, table[half == 0 ? b >> 4 : b & 0xf]);
            }
        }
        return acc;
    }
}

internal readonly record struct AffinePoint(FieldElement X, FieldElement Y)
{
    public byte[] Encode()
    {
        var result = new byte[65];
        result[0] = 0x04;
        X.WriteBytes(result.AsSpan(1, 32));
        Y.WriteBytes(result.AsSpan(33, 32));
        return result;
    }
}

internal readonly record struct JacobianPoint(FieldElement X, FieldElement Y, FieldElement Z)
{
    public static readonly JacobianPoint Infinity = new(FieldElement.One, FieldElement.One, FieldElement.Zero);

    public bool IsInfinity => Z.IsZero;

    /// <summary>Converts to affine; null for the point at infinity.</summary>
    public AffinePoint? ToAffine()
    {
        if (IsInfinity)
        {
            return null;
        }
        var zi = Z.Invert();
        var zi2 = zi.Square();
        return new AffinePoint(X * zi2, Y * zi2 * zi);
    }
}
