using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NutPortal.Core.Ethereum.Keys;

/// <summary>
/// An element of F_p for p = 2^256 - 2^32 - 977, as four 64-bit limbs (little-endian), always fully reduced.
/// Reduction uses 2^256 = 2^32 + 977 (mod p), so no division is ever needed.
/// </summary>
internal readonly struct FieldElement : IEquatable<FieldElement>
{
    private const ulong C = 0x1000003D1; // 2^256 mod p
    private const ulong P0 = 0xFFFFFFFEFFFFFC2F;
    private readonly ulong _l0, _l1, _l2, _l3;

    private FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0;
        _l1 = l1;
        _l2 = l2;
        _l3 = l3;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0);

    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    public bool IsOdd => (_l0 & 1) != 0;

    /// <summary>From 32 big-endian bytes; null when the value is not below p.</summary>
    public static FieldElement? FromBytes(ReadOnlySpan<byte> be32)
    {
        var e = new FieldElement(
            BinaryPrimitives.ReadUInt64BigEndian(be32[24..]), BinaryPrimitives.ReadUInt64BigEndian(be32[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(be32[8..]), BinaryPrimitives.ReadUInt64BigEndian(be32));
        return e.GreaterOrEqualP() ? null : e;
    }

    public static FieldElement FromBigInteger(BigInteger v) =>
        FromBytes(Rfc6979.ToBytes32(v)) ?? throw new ArgumentOutOfRangeException(nameof(v), "Value is not below p.");

    public void WriteBytes(Span<byte> be32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(be32, _l3);
        BinaryPrimitives.WriteUInt64BigEndian(be32[8..], _l2);
        BinaryPrimitives.WriteUInt64BigEndian(be32[16..], _l1);
        BinaryPrimitives.WriteUInt64BigEndian(be32[24..], _l0);
    }

    public BigInteger ToBigInteger()
    {
        Span<byte> b = stackalloc byte[32];
        WriteBytes(b);
        return new BigInteger(b, isUnsigned: true, isBigEndian: true);
    }

    public static FieldElement operator +(FieldElement a, FieldElement b)
    {
        var (r0, c) = AddC(a._l0, b._l0, 0);
        (var r1, c) = AddC(a._l1, b._l1, c);
        (var r2, c) = AddC(a._l2, b._l2, c);
        (var r3, c) = AddC(a._l3, b._l3, c);
        if (c != 0)
        {
            // Inputs are below p, so adding 2^256 mod p to the wrapped sum cannot overflow again.
            (r0, c) = AddC(r0, C, 0);
            (r1, c) = AddC(r1, 0, c);
            (r2, c) = AddC(r2, 0, c);
            r3 += c;
        }
        return new FieldElement(r0, r1, r2, r3).Normalize();
    }

    public static FieldElement operator -(FieldElement a, FieldElement b)
    {
        var (r0, borrow) = SubB(a._l0, b._l0, 0);
        (var r1, borrow) = SubB(a._l1, b._l1, borrow);
        (var r2, borrow) = SubB(a._l2, b._l2, borrow);
        (var r3, borrow) = SubB(a._l3, b._l3, borrow);
        if (borrow != 0)
        {
            // Wrapped by 2^256: subtract (2^256 - p) = C to land back in [0, p).
            (r0, borrow) = SubB(r0, C, 0);
            (r1, borrow) = SubB(r1, 0, borrow);
            (r2, borrow) = SubB(r2, 0, borrow);
            r3 -= borrow;
        }
        return new FieldElement(r0, r1, r2, r3);
    }

    public static FieldElement operator -(FieldElement a) => Zero - a;

    public static FieldElement operator *(FieldElement a, FieldElement b)
    {
        ulong carry;
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0;
        carry = 0; MulAdd(a._l0, b._l0, ref t0, ref carry); MulAdd(a._l0, b._l1, ref t1, ref carry);
        MulAdd(a._l0, b._l2, ref t2, ref carry); MulAdd(a._l0, b._l3, ref t3, ref carry); t4 = carry;
        carry = 0; MulAdd(a._l1, b._l0, ref t1, ref carry); MulAdd(a._l1, b._l1, ref t2, ref carry);
        MulAdd(a._l1, b._l2, ref t3, ref carry); MulAdd(a._l1, b._l3, ref t4, ref carry); t5 = carry;
        carry = 0; MulAdd(a._l2, b._l0, ref t2, ref carry); MulAdd(a._l2, b._l1, ref t3, ref carry);
        MulAdd(a._l2, b._l2, ref t4, ref carry); MulAdd(a._l2, b._l3, ref t5, ref carry); t6 = carry;
        carry = 0; MulAdd(a._l3, b._l0, ref t3, ref carry); MulAdd(a._l3, b._l1, ref t4, ref carry);
        MulAdd(a._l3, b._l2, ref t5, ref carry); MulAdd(a._l3, b._l3, ref t6, ref carry); t7 = carry;
        return Reduce(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    public FieldElement Square() => this * this;

    public FieldElement Pow(ReadOnlySpan<byte> exponentBigEndian)
    {
        var result = One;
        foreach (var b in exponentBigEndian)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                result = result.Square();
                if (((b >> bit) & 1) != 0)
                {
                    result *= this;
                }
            }
        }
        return result;
    }

    /// <summary>Multiplicative inverse via Fermat (a^(p-2)); zero maps to zero.</summary>
    public FieldElement Invert() => Pow(PMinus2);

    /// <summary>A square root (p = 3 mod 4, so a^((p+1)/4)), or null when none exists.</summary>
    public FieldElement? Sqrt()
    {
        var r = Pow(SqrtExponent);
        return r.Square() == this ? r : null;
    }

    private static readonly byte[] PMinus2 = Convert.FromHexString("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2d");
    private static readonly byte[] SqrtExponent = Convert.FromHexString("3fffffffffffffffffffffffffffffffffffffffffffffffffffffffbfffff0c");

    private static FieldElement Reduce(ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7)
    {
        // r = low + high * C, where C < 2^33: the result spills at most ~34 bits above 2^256.
        ulong top = 0;
        MulAdd(t4, C, ref t0, ref top);
        MulAdd(t5, C, ref t1, ref top);
        MulAdd(t6, C, ref t2, ref top);
        MulAdd(t7, C, ref t3, ref top);
        ulong r0 = t0, r1 = t1, r2 = t2, r3 = t3;
        ulong c = 0;
        MulAdd(top, C, ref r0, ref c);
        (r1, c) = AddC(r1, 0, c);
        (r2, c) = AddC(r2, 0, c);
        (r3, c) = AddC(r3, 0, c);
        if (c != 0)
        {
            // Wrapped past 2^256 again: the value is now below 2^67, so +C carries at most into r1.
            (r0, c) = AddC(r0, C, 0);
            r1 += c;
        }
        return new FieldElement(r0, r1, r2, r3).Normalize();
    }

    private bool GreaterOrEqualP() => _l3 == ulong.MaxValue && _l2 == ulong.MaxValue && _l1 == ulong.MaxValue && _l0 >= P0;

    private FieldElement Normalize() => GreaterOrEqualP() ? new FieldElement(_l0 - P0, 0, 0, 0) : this;

    /// <summary>(carry:t) = x * y + t + carry, using the 64x64->128 hardware multiply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulAdd(ulong x, ulong y, ref ulong t, ref ulong carry)
    {
        var hi = Math.BigMul(x, y, out var lo);
        lo += t;
        hi += lo < t ? 1UL : 0UL;
        lo += carry;
        hi += lo < carry ? 1UL : 0UL;
        t = lo;
        carry = hi;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Sum, ulong Carry) AddC(ulong a, ulong b, ulong carry)
    {
        var s = a + b;
        var c1 = s < a ? 1UL : 0UL;
        var s2 = s + carry;
        var c2 = s2 < s ? 1UL : 0UL;
        return (s2, c1 | c2);
    }

    private static (ulong Diff, ulong Borrow) SubB(ulong a, ulong b, ulong borrow)
    {
        var d = a - b;
        var b1 = a < b ? 1UL : 0UL;
        var d2 = d - borrow;
        var b2 = d < borrow ? 1UL : 0UL;
        return (d2, b1 | b2);
    }

    public bool Equals(FieldElement other) => _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;

    public override bool Equals(object? obj) => obj is FieldElement f && Equals(f);

    public override int GetHashCode() => HashCode.Combine(_l0, _l1, _l2, _l3);

    public static bool operator ==(FieldElement a, FieldElement b) => a.Equals(b);

    public static bool operator !=(FieldElement a, FieldElement b) => !a.Equals(b);
}
