namespace NutPortal.Core.Ethereum;

/// <summary>Hex helpers: lowercase output with 0x prefix, tolerant input (optional 0x, either case).</summary>
public static class Hex
{
    /// <summary>Encodes bytes as lowercase hex, with a "0x" prefix unless <paramref name="prefix"/> is false.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true) =>
        prefix ? "0x" + Convert.ToHexStringLower(bytes) : Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex with an optional 0x/0X prefix. Odd length or non-hex characters throw <see cref="FormatException"/>.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"Hex string has an odd number of digits ({digits.Length}).");
        }
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new FormatException("Hex string contains a non-hex character.");
        }
    }

    /// <summary>Tries to decode hex; returns false instead of throwing.</summary>
    public static bool TryDecode(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null)
        {
            return false;
        }
        var digits = StripPrefix(hex);
        if (digits.Length % 2 != 0 || !IsHexDigits(digits))
        {
            return false;
        }
        bytes = Convert.FromHexString(digits);
        return true;
    }

    /// <summary>True when <paramref name="hex"/> (optional 0x) consists of hex digits only.</summary>
    public static bool IsHex(string? hex) => hex is not null && IsHexDigits(StripPrefix(hex));

    /// <summary>Removes a leading "0x" or "0X".</summary>
    public static ReadOnlySpan<char> StripPrefix(string hex) =>
        hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();

    private static bool IsHexDigits(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
