using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>Ethereum JSON-RPC quantities: "0x"-prefixed hex without leading zeros ("0x0", "0x1f"). Range checks on values live in Transactions.Quantity.</summary>
internal static class Quantity
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static string Format(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Quantities are unsigned");
        }
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        return "0x" + (hex.Length == 0 ? "0" : hex);
    }

    public static string Format(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out BigInteger value)
    {
        value = default;
        if (!IsHex(text))
        {
            return false;
        }
        // The leading "0" keeps the value positive when the first digit is 8-f.
        return BigInteger.TryParse("0" + text![2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParse(string? text, out ulong value)
    {
        value = 0;
        if (!IsHex(text))
        {
            return false;
        }
        var digits = text!.AsSpan(2).TrimStart('0');
        return digits.Length == 0
            || (digits.Length <= 16 && ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value));
    }

    public static BigInteger ParseBigInteger(string text) =>
        TryParse(text, out BigInteger value) ? value : throw new FormatException($"'{Shorten(text)}' is not a hex quantity");

    public static ulong ParseUInt64(string text) =>
        TryParse(text, out ulong value) ? value : throw new FormatException($"'{Shorten(text)}' is not a hex quantity that fits 64 bits");

    private static bool IsHex(string? text) =>
        text is { Length: > 2 } && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') && text.AsSpan(2).ContainsAnyExcept(HexDigits) is false;

    internal static string Shorten(string? text) => text is null ? "null" : text.Length > 80 ? text[..80] + "…" : text;
}
