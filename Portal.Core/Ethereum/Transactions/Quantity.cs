using System.Numerics;

namespace NutPortal.Core.Ethereum.Transactions;

/// <summary>Range checks for unsigned quantities (wei, gas, nonces).</summary>
public static class Quantity
{
    public static readonly BigInteger MaxUInt256 = (BigInteger.One << 256) - 1;
    public static readonly BigInteger MaxUInt64 = ulong.MaxValue;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the field unless 0 &lt;= value &lt; 2^bits.</summary>
    public static BigInteger Check(BigInteger value, string field, int bits = 256)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(field, value, $"{field} cannot be negative.");
        }
        if (value.GetBitLength() > bits)
        {
            throw new ArgumentOutOfRangeException(field, value, $"{field} exceeds 2^{bits}-1.");
        }
        return value;
    }
}
