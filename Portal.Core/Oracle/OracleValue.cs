using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace NutPortal.Core.Oracle;

/// <summary>Turns an answer (the selected JSON value, or the whole body without a selector) into the request's result type.</summary>
public static class OracleValue
{
    private static readonly BigInteger Int256Max = BigInteger.Pow(2, 255) - 1;
    private static readonly BigInteger Int256Min = -BigInteger.Pow(2, 255);

    /// <summary>The canonical text of the value (decimal, true/false, 0x hex, or the string), or an error.</summary>
    public static (string? Value, string? Error) FromBody(byte[] body, string? selector, OracleResultType type, int decimals)
    {
        if (type == OracleResultType.Tuple)
        {
            return OracleMapping.FromBody(body, selector);
        }
        if (string.IsNullOrWhiteSpace(selector))
        {
            return type == OracleResultType.Bytes
                ? ("0x" + Convert.ToHexStringLower(body), null)
                : FromText(Encoding.UTF8.GetString(body).Trim(), type, decimals);
        }
        var (steps, parseError) = JsonSelector.Parse(selector);
        if (parseError is not null)
        {
            return (null, parseError);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, $"The answer is not JSON, so the selector cannot apply: {ex.Message}");
        }
        using (document)
        {
            var (element, selectError) = JsonSelector.Select(document.RootElement, steps);
            if (selectError is not null)
            {
                return (null, selectError);
            }
            return element.ValueKind switch
            {
                JsonValueKind.String => FromText(element.GetString()!, type, decimals),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => FromText(element.GetRawText(), type, decimals),
                JsonValueKind.Null => (null, "The selected value is null."),
                _ when type == OracleResultType.String => (element.GetRawText(), null),
                _ => (null, $"The selected value is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not a {type}."),
            };
        }
    }

    private static (string? Value, string? Error) FromText(string text, OracleResultType type, int decimals) => type switch
    {
        OracleResultType.String => (text, null),
        OracleResultType.Bool => text.ToLowerInvariant() switch
        {
            "true" => ("true", null),
            "false" => ("false", null),
            _ => (null, $"'{Short(text)}' is not a bool (true or false)."),
        },
        OracleResultType.Bytes => text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && IsHex(text.AsSpan(2))
            ? (text.ToLowerInvariant(), null)
            : ("0x" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text)), null),
        _ => ToInt256(text, decimals),
    };

    private static (string? Value, string? Error) ToInt256(string text, int decimals)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return (null, $"'{Short(text)}' is not a number.");
        }
        BigInteger value;
        if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            value = whole * BigInteger.Pow(10, decimals);
        }
        else
        {
            decimal scaled;
            try
            {
                scaled = number * (decimal)Math.Pow(10, decimals);
            }
            catch (OverflowException)
            {
                return (null, $"{text} x 10^{decimals} is too large.");
            }
            if (scaled != decimal.Truncate(scaled))
            {
                return (null, $"{text} x 10^{decimals} is not a whole number; raise the request's decimals.");
            }
            value = new BigInteger(scaled);
        }
        return value > Int256Max || value < Int256Min ? (null, $"{value} does not fit in int256.") : (value.ToString(CultureInfo.InvariantCulture), null);
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static bool IsHex(ReadOnlySpan<char> s) => s.Length % 2 == 0 && !s.ContainsAnyExcept(HexDigits);

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
