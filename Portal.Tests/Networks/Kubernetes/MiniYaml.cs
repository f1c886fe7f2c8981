using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>
/// Reads back the block-style subset the emitter writes. Plain scalars are typed the way a YAML 1.1 reader
/// would (yes/no/on/off booleans, null, numbers such as 1e3 or 0x1F), so a string that should have been
/// quoted comes back as something else and the test fails.
/// </summary>
internal static partial class MiniYaml
{
    public static List<Dictionary<string, object?>> Documents(string yaml)
    {
        Assert.StartsWith("---\n", yaml, StringComparison.Ordinal);
        return yaml.Split("---\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(d => (Dictionary<string, object?>)Parse(d)!)
            .ToList();
    }

    /// <summary>One YAML document (a map) or a single-key map holding a scalar.</summary>
    public static object? Parse(string document)
    {
        var lines = document.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var i = 0;
        var result = ParseBlock(lines, ref i, 0);
        Assert.Equal(lines.Count, i);
        return result;
    }

    public static object? Path(object? node, string path)
    {
        foreach (var part in path.Split('|'))
        {
            node = int.TryParse(part, out var index) ? ((List<object?>)node!)[index] : ((Dictionary<string, object?>)node!)[part];
        }
        return node;
    }

    private static object ParseBlock(List<string> lines, ref int i, int indent) =>
        lines[i][indent..].StartsWith('-') ? ParseList(lines, ref i, indent) : ParseMap(lines, ref i, indent);

    private static Dictionary<string, object?> ParseMap(List<string> lines, ref int i, int indent)
    {
        var map = new Dictionary<string, object?>();
        while (i < lines.Count && Indent(lines[i]) == indent && !lines[i][indent..].StartsWith('-'))
        {
            var text = lines[i][indent..];
            var (key, rest) = text.StartsWith('"') ? ReadQuoted(text) : (text[..text.IndexOf(':', StringComparison.Ordinal)], text[text.IndexOf(':', StringComparison.Ordinal)..]);
            Assert.StartsWith(":", rest, StringComparison.Ordinal);
            rest = rest[1..];
            i++;
            map.Add(key, rest.Length == 0 ? ParseBlock(lines, ref i, Indent(lines[i])) : Scalar(rest[1..]));
        }
        return map;
    }

    private static List<object?> ParseList(List<string> lines, ref int i, int indent)
    {
        var list = new List<object?>();
        while (i < lines.Count && Indent(lines[i]) == indent && lines[i][indent..].StartsWith('-'))
        {
            var content = lines[i][(indent + 1)..];
            if (content.Length == 0)
            {
                i++;
                list.Add(ParseBlock(lines, ref i, Indent(lines[i])));
            }
            else if (ItemIsMap().IsMatch(content[1..]))
            {
                // "- key: value": the map continues on the following lines two columns further in.
                lines[i] = new string(' ', indent + 2) + content[1..];
                list.Add(ParseMap(lines, ref i, indent + 2));
            }
            else
            {
                list.Add(Scalar(content[1..]));
                i++;
            }
        }
        return list;
    }

    private static object? Scalar(string text)
    {
        if (text.StartsWith('"'))
        {
            var (value, rest) = ReadQuoted(text);
            Assert.Equal("", rest);
            return value;
        }
        return text switch
        {
            "{}" => new Dictionary<string, object?>(),
            "[]" => new List<object?>(),
            "~" or "null" or "Null" or "NULL" => null,
            _ when Bool11().IsMatch(text) => text.ToLowerInvariant() is "y" or "yes" or "true" or "on",
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            _ when Number11().IsMatch(text) => double.NaN,
            _ => Assert.IsType<string>(PlainOnly(text)),
        };
    }

    private static string PlainOnly(string text)
    {
        Assert.DoesNotMatch(@"^[-?:,\[\]{}#&*!|>'""%@`\s]|: | #|\s$", text);
        return text;
    }

    private static (string Value, string Remainder) ReadQuoted(string text)
    {
        var sb = new StringBuilder();
        for (var k = 1; k < text.Length; k++)
        {
            var c = text[k];
            if (c == '"')
            {
                return (sb.ToString(), text[(k + 1)..]);
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            var e = text[++k];
            sb.Append(e switch
            {
                'n' => "\n",
                'r' => "\r",
                't' => "\t",
                'u' => ((char)int.Parse(text.AsSpan(k + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                _ => e.ToString(),
            });
            k += e == 'u' ? 4 : 0;
        }
        throw new FormatException("Unterminated quoted scalar: " + text);
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    [GeneratedRegex(@"^(""([^""\\]|\\.)*""|[^\s""-][^:]*):( |$)")]
    private static partial Regex ItemIsMap();

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Bool11();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$")]
    private static partial Regex Number11();
}
