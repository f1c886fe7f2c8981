using System.Globalization;

namespace NutPortal.Core.Ethereum.Abi;

/// <summary>Recursive-descent parser for type names, including tuples and array suffixes.</summary>
internal static class AbiTypeParser
{
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Length > 10_000)
        {
            throw new AbiException("Type name is too long.");
        }
        var pos = 0;
        var type = ParseType(s, ref pos, 0);
        if (pos != s.Length)
        {
            throw new AbiException($"Unexpected '{s[pos..]}' in type '{text}'.");
        }
        return type;
    }

    /// <summary>Applies array suffixes ("[2][]") to a base type.</summary>
    public static AbiType ApplySuffixes(AbiType type, string suffixes)
    {
        var pos = 0;
        type = ParseSuffixes(suffixes, ref pos, type);
        return pos == suffixes.Length ? type : throw new AbiException($"Invalid array suffix '{suffixes}'.");
    }

    private static AbiType ParseType(string s, ref int pos, int depth)
    {
        if (depth > AbiType.MaxDepth)
        {
            throw new AbiException($"Type nesting deeper than {AbiType.MaxDepth}.");
        }
        AbiType baseType;
        if (s.AsSpan(pos).StartsWith("tuple(", StringComparison.Ordinal))
        {
            pos += 5;
        }
        if (pos < s.Length && s[pos] == '(')
        {
            pos++;
            var components = new List<AbiParameter>();
            SkipSpaces(s, ref pos);
            while (pos < s.Length && s[pos] != ')')
            {
                var type = ParseType(s, ref pos, depth + 1);
                SkipSpaces(s, ref pos);
                var nameStart = pos;
                while (pos < s.Length && (char.IsAsciiLetterOrDigit(s[pos]) || s[pos] == '_' || s[pos] == '$'))
                {
                    pos++;
                }
                components.Add(new AbiParameter(s[nameStart..pos], type));
                SkipSpaces(s, ref pos);
                if (pos < s.Length && s[pos] == ',')
                {
                    pos++;
                    SkipSpaces(s, ref pos);
                }
                else if (pos >= s.Length || s[pos] != ')')
                {
                    throw new AbiException($"Expected ',' or ')' at position {pos} of '{s}'.");
                }
            }
            if (pos >= s.Length)
            {
                throw new AbiException($"Unclosed '(' in '{s}'.");
            }
            pos++;
            baseType = AbiType.Tuple(components);
        }
        else
        {
            var start = pos;
            while (pos < s.Length && char.IsAsciiLetterOrDigit(s[pos]))
            {
                pos++;
            }
            baseType = Elementary(s[start..pos]);
        }
        return ParseSuffixes(s, ref pos, baseType);
    }

    private static AbiType ParseSuffixes(string s, ref int pos, AbiType type)
    {
        while (pos < s.Length && s[pos] == '[')
        {
            var close = s.IndexOf(']', pos);
            if (close < 0)
            {
                throw new AbiException($"Unclosed '[' in '{s}'.");
            }
            var inner = s[(pos + 1)..close];
            int? length = null;
            if (inner.Length > 0)
            {
                if (!int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || (inner.Length > 1 && inner[0] == '0'))
                {
                    throw new AbiException($"Invalid array length '{inner}' in '{s}'.");
                }
                length = k;
            }
            type = AbiType.Array(type, length);
            pos = close + 1;
        }
        return type;
    }

    private static AbiType Elementary(string name)
    {
        switch (name)
        {
            case "address": return AbiType.Address;
            case "bool": return AbiType.Bool;
            case "string": return AbiType.Text;
            case "bytes": return AbiType.Bytes;
            case "uint": return AbiType.UnsignedInteger(256);
            case "int": return AbiType.SignedInteger(256);
            case "function": return AbiType.FixedBytes(24);
        }
        if (name.StartsWith("uint", StringComparison.Ordinal) && Number(name[4..]) is { } u)
        {
            return AbiType.UnsignedInteger(u);
        }
        if (name.StartsWith("int", StringComparison.Ordinal) && Number(name[3..]) is { } i)
        {
            return AbiType.SignedInteger(i);
        }
        if (name.StartsWith("bytes", StringComparison.Ordinal) && Number(name[5..]) is { } b)
        {
            return AbiType.FixedBytes(b);
        }
        throw new AbiException($"Unknown ABI type '{name}'.");
    }

    private static int? Number(string digits) =>
        digits.Length is > 0 and <= 3 && digits[0] != '0' && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static void SkipSpaces(string s, ref int pos)
    {
        while (pos < s.Length && s[pos] == ' ')
        {
            pos++;
        }
    }
}
