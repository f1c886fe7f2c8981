using System.Globalization;
using System.Numerics;

namespace NutPortal.Core.Explorer;

/// <summary>Wei amounts as stored (decimal strings) and as shown (ETH with up to 18 decimals, trailing zeros trimmed).</summary>
public static class Wei
{
    private static readonly BigInteger WeiPerEth = BigInteger.Pow(10, 18);

    public static string Store(BigInteger wei) => wei.ToString(CultureInfo.InvariantCulture);

    public static BigInteger Parse(string? stored) =>
        BigInteger.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : BigInteger.Zero;

    public static string ToEth(BigInteger wei)
    {
        var sign = wei.Sign < 0 ? "-" : "";
        var whole = BigInteger.DivRem(BigInteger.Abs(wei), WeiPerEth, out var fraction);
        var digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
        return sign + whole.ToString(CultureInfo.InvariantCulture) + (digits.Length > 0 ? "." + digits : "");
    }

    public static string ToEth(string? stored) => ToEth(Parse(stored));
}
