using System.Globalization;

namespace NutPortal.Core.Networks.Platforms;

/// <summary>What a chain browser is asked for, checked before any node is: a height, or a 32-byte hash in hex.</summary>
public static class BrowseInput
{
    /// <summary>A block reference: a height (decimal digits) or a block hash.</summary>
    public readonly record struct BlockRef(long? Height, string? Hash);

    public static BlockRef Block(string value)
    {
        var text = value.Trim();
        if (text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit))
        {
            return new BlockRef(long.Parse(text, CultureInfo.InvariantCulture), null);
        }
        return IsHash(text)
            ? new BlockRef(null, Strip(text))
            : throw new ChainReadException(ChainReadFailure.InvalidInput, "block", $"'{Shorten(text)}' is neither a block height (digits) nor a block hash (64 hex digits).");
    }

    /// <summary>A transaction id (64 hex digits, an optional 0x), lower-cased and without 0x.</summary>
    public static string Hash(string value, string field)
    {
        var text = value.Trim();
        return IsHash(text) ? Strip(text) : throw new ChainReadException(ChainReadFailure.InvalidInput, field, $"'{Shorten(text)}' is not a {field} id (64 hex digits).");
    }

    public static bool IsHash(string text)
    {
        var hex = Strip(text);
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit);
    }

    public static ChainReadException NotFound(string what) => new(ChainReadFailure.NotFound, null, what);

    private static string Strip(string text) => (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text).ToLowerInvariant();

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
