using System.Numerics;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// secp256k1 curve arithmetic (y^2 = x^3 + 7 over F_p) in Jacobian coordinates over BigInteger.
/// Not constant-time: fine for a portal signing its own transactions, not for hostile co-tenants.
/// </summary>
internal static class Secp256k1
{
    public static readonly BigInteger P = Parse("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f");
    public static readonly BigInteger N = Parse("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    public static readonly BigInteger HalfN = N >> 1;
    public static readonly AffinePoint G = new(
        Parse("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"),
        Parse("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"));

    private static readonly BigInteger SqrtExponent = (P + 1) / 4;

    public static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);

    public static BigInteger Mod(BigInteger a, BigInteger m)
    {
        var r = a % m;
        return r.Sign < 0 ? r + m : r;
    }

    /// <summary>Inverse modulo a prime via Fermat's little theorem.</summary>
    public static BigInteger Inverse(BigInteger a, BigInteger m) => BigInteger.ModPow(Mod(a, m), m - 2, m);

    /// <summary>The point with this x and y parity, or null when x is not on the curve.</summary>
    public static AffinePoint? Lift(BigInteger x, bool oddY)
    {
        if (x.Sign < 0 || x >= P)
        {
            return null;
        }
        var y2 = Mod(x * x % P * x + 7, P);
        var y = BigInteger.ModPow(y2, SqrtExponent, P);
        if (y * y % P != y2)
        {
            return null;
        }
        if (!y.IsEven != oddY)
        {
            y = P - y;
        }
        return new AffinePoint(x, y);
    }

    public static bool IsOnCurve(AffinePoint q) =>
        q.X.Sign >= 0 && q.X < P && q.Y.Sign >= 0 && q.Y < P && Mod(q.Y * q.Y - (q.X * q.X % P * q.X) - 7, P).IsZero;

    public static JacobianPoint Double(JacobianPoint a)
    {
        if (a.IsInfinity || a.Y.IsZero)
        {
            return JacobianPoint.Infinity;
        }
        // dbl-2009-l (a = 0).
        var aa = a.X * a.X % P;
        var bb = a.Y * a.Y % P;
        var cc = bb * bb % P;
        var t = a.X + bb;
        var d = Mod(2 * (t * t - aa - cc), P);
        var e = 3 * aa % P;
        var f = e * e % P;
        var x3 = Mod(f - 2 * d, P);
        var y3 = Mod(e * (d - x3) - 8 * cc, P);
        var z3 = 2 * a.Y * a.Z % P;
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>Jacobian + affine (madd-2007-bl style with explicit special cases).</summary>
    public static JacobianPoint Add(JacobianPoint a, AffinePoint b)
    {
        if (a.IsInfinity)
        {
            return new JacobianPoint(b.X, b.Y, BigInteger.One);
        }
        var z2 = a.Z * a.Z % P;
        var u2 = b.X * z2 % P;
        var s2 = b.Y * z2 % P * a.Z % P;
        var h = Mod(u2 - a.X, P);
        var r = Mod(s2 - a.Y, P);
        if (h.IsZero)
        {
            return r.IsZero ? Double(a) : JacobianPoint.Infinity;
        }
        var hh = h * h % P;
        var hhh = hh * h % P;
        var v = a.X * hh % P;
        var x3 = Mod(r * r - hhh - 2 * v, P);
        var y3 = Mod(r * (v - x3) - a.Y * hhh, P);
        var z3 = a.Z * h % P;
        return new JacobianPoint(x3, y3, z3);
    }

    /// <summary>Jacobian + Jacobian (add-2007-bl without the Z1=Z2 shortcut).</summary>
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
        var z1z1 = a.Z * a.Z % P;
        var z2z2 = b.Z * b.Z % P;
        var u1 = a.X * z2z2 % P;
        var u2 = b.X * z1z1 % P;
        var s1 = a.Y * b.Z % P * z2z2 % P;
        var s2 = b.Y * a.Z % P * z1z1 % P;
        var h = Mod(u2 - u1, P);
        var r = Mod(s2 - s1, P);
        if (h.IsZero)
        {
            return r.IsZero ? Double(a) : JacobianPoint.Infinity;
        }
        var hh = h * h % P;
        var hhh = hh * h % P;
        var v = u1 * hh % P;
        var x3 = Mod(r * r - hhh - 2 * v, P);
        var y3 = Mod(r * (v - x3) - s1 * hhh, P);
        var z3 = a.Z * b.Z % P * h % P;
        return new JacobianPoint(x3, y3, z3);
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

internal readonly record struct AffinePoint(BigInteger X, BigInteger Y);

internal readonly record struct JacobianPoint(BigInteger X, BigInteger Y, BigInteger Z)
{
    public static readonly JacobianPoint Infinity = new(BigInteger.One, BigInteger.One, BigInteger.Zero);

    public bool IsInfinity => Z.IsZero;

    /// <summary>Converts to affine; null for the point at infinity.</summary>
    public AffinePoint? ToAffine()
    {
        if (IsInfinity)
        {
            return null;
        }
        var zi = Secp256k1.Inverse(Z, Secp256k1.P);
        var zi2 = zi * zi % Secp256k1.P;
        return new AffinePoint(X * zi2 % Secp256k1.P, Y * zi2 % Secp256k1.P * zi % Secp256k1.P);
    }
}
