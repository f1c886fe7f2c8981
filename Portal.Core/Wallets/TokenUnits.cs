using System.Globalization;
using System.Numerics;

namespace NutPortal.Core.Wallets;

/// <summary>Amounts in a token's display units ("1.5" ETH) to and from its base units (wei), exactly.</summary>
public static class TokenUnits
{
    public static string Format(BigInteger amount, int decimals)
    {
        if (decimals <= 0)
        {
            return amount.ToString(CultureInfo.InvariantCulture);
        }
        var whole = BigInteger.DivRem(BigInteger.Abs(amount), BigInteger.Pow(10, decimals), out var fraction);
        var digits = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0').TrimEnd('0');
        return (amount.Sign < 0 ? "-" : "") + whole.ToString(CultureInfo.InvariantCulture) + (digits.Length > 0 ? "." + digits : "");
    }

    /// <summary>Parses a non-negative decimal amount with at most <paramref name="decimals"/> fractional digits.</summary>
    public static bool TryParse(string? text, int decimals, out BigInteger amount, out string error)
    {
        amount = BigInteger.Zero;
        var s = text?.Trim() ?? "";
        var parts = s.Split('.');
        if (s.Length == 0 || s.Length > 100 || parts.Length > 2 || parts.Any(p => !p.All(char.IsAsciiDigit)) || (parts[0].Length == 0 && (parts.Length == 1 || parts[1].Length == 0)))
        {
            error = $"'{Shorten(s)}' is not an amount: write digits with an optional decimal point, like 1.5.";
            return false;
        }
        var fraction = parts.Length == 2 ? parts[1] : "";
        if (fraction.Length > decimals)
        {
            error = $"The token has {decimals} decimals; '{Shorten(s)}' has {fraction.Length}.";
            return false;
        }
        amount = BigInteger.Parse((parts[0].Length == 0 ? "0" : parts[0]) + fraction.PadRight(decimals, '0'), CultureInfo.InvariantCulture);
        error = "";
        return true;
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
