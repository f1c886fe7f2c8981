using System.Globalization;
using System.Text;
using NutPortal.Core.Ethereum.Abi;

namespace NutPortal.Core.SecurityPolicy;

/// <summary>A piece of text found in calldata and where it was found (for the refusal: never the text itself).</summary>
public sealed record CalldataTextPiece(string Text, string Where, int? ArgumentIndex = null);

/// <summary>
/// The text a transaction's calldata carries, for the PII check: with the contract's ABI, every string and bytes argument
/// (nested in arrays and tuples too); without it, or besides it, runs of printable UTF-8 and UTF-16 in the raw data (ABI
/// strings are contiguous bytes across 32-byte words). Each piece is also tried decoded (hex of text, base64,
/// percent-encoding) and normalised (NFKC folds full-width "＠" and friends; zero-width and other format characters are
/// dropped), and the arguments are joined, so an address split over two fields is seen whole. Encrypted markers are skipped.
/// </summary>
public static class CalldataText
{
    public static IReadOnlyList<CalldataTextPiece> Extract(byte[] calldata, AbiFunction? function)
    {
        var pieces = new List<CalldataTextPiece>();
        if (function is not null)
        {
            try
            {
                var values = function.DecodeCall(calldata);
                for (var i = 0; i < values.Count; i++)
                {
                    foreach (var text in TextsOf(values[i]))
                    {
                        pieces.Add(new CalldataTextPiece(text, $"argument {i + 1} of {function.Signature}", i));
                    }
                }
            }
            catch (AbiException)
            {
                // Calldata that does not fit the ABI is scanned raw below.
            }
        }
        var body = calldata.Length >= 4 ? calldata.AsSpan(4) : calldata.AsSpan();
        foreach (var run in TextRuns.Utf8(body).Concat(TextRuns.Utf16(body)))
        {
            pieces.Add(new CalldataTextPiece(run, "the calldata (raw scan)"));
        }
        var joined = string.Concat(pieces.Where(p => p.ArgumentIndex is not null).Select(p => p.Text));
        if (pieces.Count(p => p.ArgumentIndex is not null) > 1)
        {
            pieces.Add(new CalldataTextPiece(joined, $"the joined arguments of {function!.Signature}"));
        }
        var raw = string.Concat(pieces.Where(p => p.ArgumentIndex is null).Select(p => p.Text));
        if (pieces.Count(p => p.ArgumentIndex is null) > 1)
        {
            pieces.Add(new CalldataTextPiece(raw, "the calldata (joined raw text)"));
        }
        return [.. pieces.Where(p => !EncryptedMarker.IsMarker(p.Text)).SelectMany(Variants)];
    }

    /// <summary>The text and what it may hide: normalised form, hex of text, base64, percent-encoding (one level deep).</summary>
    public static IEnumerable<CalldataTextPiece> Variants(CalldataTextPiece piece)
    {
        var normal = Normalize(piece.Text);
        yield return piece with { Text = normal };
        foreach (var token in Tokens(normal))
        {
            var hex = token.Contains("0x", StringComparison.OrdinalIgnoreCase) ? token[(token.IndexOf("0x", StringComparison.OrdinalIgnoreCase) + 2)..] : token;
            if (hex.Length >= 8 && hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit))
            {
                var bytes = Convert.FromHexString(hex);
                foreach (var text in TextRuns.Utf8(bytes).Concat(TextRuns.Utf16(bytes)))
                {
                    yield return piece with { Text = Normalize(text), Where = piece.Where + " (hex-encoded)" };
                }
            }
            else if (TryBase64(token) is { } decoded)
            {
                foreach (var text in TextRuns.Utf8(decoded).Concat(TextRuns.Utf16(decoded)))
                {
                    yield return piece with { Text = Normalize(text), Where = piece.Where + " (base64-encoded)" };
                }
            }
        }
        if (normal.Contains('%', StringComparison.Ordinal))
        {
            yield return piece with { Text = Normalize(Uri.UnescapeDataString(normal)), Where = piece.Where + " (percent-encoded)" };
        }
    }

    private static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        return folded.Any(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            ? new string([.. folded.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)])
            : folded;
    }

    private static IEnumerable<string> TextsOf(object? value)
    {
        switch (value)
        {
            case string s:
                yield return s;
                break;
            case byte[] b:
                foreach (var run in TextRuns.Utf8(b).Concat(TextRuns.Utf16(b)))
                {
                    yield return run;
                }
                break;
            case System.Collections.IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var text in TextsOf(item))
                    {
                        yield return text;
                    }
                }
                break;
        }
    }

    /// <summary>Words that may be encoded text: runs of base64/hex characters of 8 or more, and each without its first
    /// character (in a raw scan an ABI length byte can be printable and stick to the front of the string).</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/' or '=' or '-' or '_'))
            {
                continue;
            }
            if (i - start >= 8)
            {
                yield return text[start..i];
                yield return text[(start + 1)..i];
            }
            start = i + 1;
        }
    }

    private static byte[]? TryBase64(string text)
    {
        var standard = text.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var buffer = new byte[standard.Length];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }
}
