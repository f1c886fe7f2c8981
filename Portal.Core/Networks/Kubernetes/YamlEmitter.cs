using System.Collections;
using System.Globalization;
using System.Text;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Writes block-style YAML for Kubernetes manifests (YamlDotNet cannot be restored here). Strings are
/// written plain only when no YAML 1.1 or 1.2 reader could take them for anything else; everything else
/// is double-quoted, so a hardfork called <c>yes</c> or a name like <c>1e3</c> stays a string.
/// </summary>
public static class YamlEmitter
{
    // YAML 1.1 readers (still common, e.g. PyYAML and older Go yaml) turn these into booleans or null.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "true", "false", "on", "off", "null",
    };

    /// <summary>One multi-document stream: every document starts with <c>---</c>.</summary>
    public static string Write(IEnumerable<YamlMap> documents)
    {
        var sb = new StringBuilder();
        foreach (var document in documents)
        {
            sb.Append("---\n");
            WriteMap(sb, document, 0, inlineFirst: false);
        }
        return sb.ToString();
    }

    /// <summary>A scalar as YAML text: numbers and booleans bare, strings plain or double-quoted.</summary>
    public static string Scalar(object value) => value switch
    {
        string s => IsPlainSafe(s) ? s : Quote(s),
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new ArgumentException($"Unsupported YAML scalar type {value.GetType().Name}.", nameof(value)),
    };

    internal static bool IsPlainSafe(string s) =>
        s.Length > 0 && char.IsAsciiLetter(s[0]) && !Reserved.Contains(s)
        && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');

    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                // Control characters and the Unicode line breaks YAML treats as line ends.
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    private static void WriteMap(StringBuilder sb, YamlMap map, int indent, bool inlineFirst)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            if (value is null)
            {
                continue;
            }
            if (!(first && inlineFirst))
            {
                sb.Append(' ', indent);
            }
            first = false;
            sb.Append(Scalar(key)).Append(':');
            WriteValue(sb, value, indent);
        }
    }

    private static void WriteValue(StringBuilder sb, object value, int indent)
    {
        switch (value)
        {
            case YamlMap map when map.Any(e => e.Value is not null):
                sb.Append('\n');
                WriteMap(sb, map, indent + 2, inlineFirst: false);
                break;
            case YamlMap:
                sb.Append(" {}\n");
                break;
            case IEnumerable list and not string when list.Cast<object?>().Any():
                sb.Append('\n');
                WriteList(sb, list, indent + 2);
                break;
            case IEnumerable and not string:
                sb.Append(" []\n");
                break;
            default:
                sb.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteList(StringBuilder sb, IEnumerable list, int indent)
    {
        foreach (var item in list)
        {
            sb.Append(' ', indent).Append('-');
            if (item is YamlMap map && map.Any(e => e.Value is not null))
            {
                sb.Append(' ');
                WriteMap(sb, map, indent + 2, inlineFirst: true);
            }
            else
            {
                WriteValue(sb, item ?? throw new ArgumentException("A YAML list item is null."), indent);
            }
        }
    }
}
