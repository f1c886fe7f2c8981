using System.Globalization;
using System.Text.Json;

namespace NutPortal.Core.Oracle;

/// <summary>
/// A response mapping for the Tuple result type: JSON paths to ABI fields, so differently shaped answers (devices
/// of several makers) become one ABI tuple. Written as <c>type[:decimals] selector</c> pairs separated by
/// semicolons, e.g. <c>int256:1 $.temp; bool $.online; string $.unit</c>; on chain it travels in the request's
/// selector string.
/// </summary>
public static class OracleMapping
{
    public const int MaxFields = 16;

    public sealed record Field(OracleResultType Type, int Decimals, string Selector);

    public static (IReadOnlyList<Field> Fields, string? Error) Parse(string? mapping)
    {
        var fields = new List<Field>();
        var parts = (mapping ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > MaxFields)
        {
            return ([], $"A tuple needs 1 to {MaxFields} fields written as 'type[:decimals] selector; ...', e.g. 'int256:2 $.price; bool $.open'.");
        }
        for (var i = 0; i < parts.Length; i++)
        {
            var space = parts[i].IndexOf(' ', StringComparison.Ordinal);
            var head = space < 0 ? parts[i] : parts[i][..space];
            var selector = space < 0 ? "" : parts[i][(space + 1)..].Trim();
            var typeText = head.Split(':')[0];
            var decimals = 0;
            if (!Enum.TryParse<OracleResultType>(typeText, ignoreCase: true, out var type) || type == OracleResultType.Tuple || !Enum.IsDefined(type) || int.TryParse(typeText, out _))
            {
                return ([], $"Field {i + 1}: '{typeText}' is not one of string, int256, bool, bytes.");
            }
            if (head.Contains(':', StringComparison.Ordinal) && (!int.TryParse(head[(head.IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out decimals) || decimals > 18))
            {
                return ([], $"Field {i + 1}: decimals after ':' are 0 to 18.");
            }
            if (JsonSelector.Parse(selector).Error is { } error)
            {
                return ([], $"Field {i + 1}: {error}");
            }
            fields.Add(new Field(type, decimals, selector));
        }
        return (fields, null);
    }

    /// <summary>The tuple's values as a JSON array of their canonical texts, or the first field that failed.</summary>
    public static (string? Value, string? Error) FromBody(byte[] body, string? mapping)
    {
        var (fields, parseError) = Parse(mapping);
        if (parseError is not null)
        {
            return (null, parseError);
        }
        var values = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            var (value, error) = OracleValue.FromBody(body, fields[i].Selector, fields[i].Type, fields[i].Decimals);
            if (error is not null)
            {
                return (null, $"Field {i + 1} ({fields[i].Selector}): {error}");
            }
            values.Add(value!);
        }
        return (JsonSerializer.Serialize(values), null);
    }
}
