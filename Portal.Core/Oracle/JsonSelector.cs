using System.Globalization;
using System.Text.Json;

namespace NutPortal.Core.Oracle;

/// <summary>
/// Picks one value out of a JSON answer: dot-separated member names with [n] array indexes and ["name"] for
/// names with dots, optionally after a leading <c>$</c> (<c>$.data.items[0].price</c>, <c>rates["EUR.USD"]</c>).
/// A subset of JSONPath that selects exactly one value; no JSONPath library is served here.
/// </summary>
public static class JsonSelector
{
    public abstract record Step;

    public sealed record Member(string Name) : Step;

    public sealed record Index(int Position) : Step;

    /// <summary>The steps of a selector, or an error naming the character where it went wrong.</summary>
    public static (IReadOnlyList<Step> Steps, string? Error) Parse(string? selector)
    {
        var steps = new List<Step>();
        var s = (selector ?? "").Trim();
        // Positions in messages count in the selector as written.
        var shift = 0;
        if (s.StartsWith('$'))
        {
            (s, shift) = (s[1..], 1);
        }
        if (s.Length > 0 && s[0] != '.' && s[0] != '[')
        {
            (s, shift) = ("." + s, shift - 1);
        }
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '.')
            {
                i++;
                var start = i;
                while (i < s.Length && s[i] != '.' && s[i] != '[')
                {
                    i++;
                }
                if (i == start)
                {
                    return ([], $"Selector: empty member name at position {start + shift}.");
                }
                steps.Add(new Member(s[start..i]));
            }
            else if (s[i] == '[')
            {
                var close = s.IndexOf(']', i);
                if (close < 0)
                {
                    return ([], $"Selector: '[' at position {i + shift} is never closed.");
                }
                var inner = s[(i + 1)..close].Trim();
                if (inner.Length >= 2 && inner[0] == '"' && inner[^1] == '"')
                {
                    steps.Add(new Member(inner[1..^1]));
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(new Index(index));
                }
                else
                {
                    return ([], $"Selector: '[{inner}]' at position {i + shift} is neither an index nor a quoted name.");
                }
                i = close + 1;
            }
            else
            {
                return ([], $"Selector: unexpected '{s[i]}' at position {i + shift}.");
            }
        }
        return (steps, null);
    }

    /// <summary>The selected element, or why there is none (naming the step that failed).</summary>
    public static (JsonElement Value, string? Error) Select(JsonElement root, IReadOnlyList<Step> steps)
    {
        var current = root;
        var path = "$";
        foreach (var step in steps)
        {
            switch (step)
            {
                case Member m when current.ValueKind == JsonValueKind.Object && current.TryGetProperty(m.Name, out var next):
                    current = next;
                    path += "." + m.Name;
                    break;
                case Member m:
                    return (default, $"No member '{m.Name}' at {path} (a JSON {current.ValueKind.ToString().ToLowerInvariant()}).");
                case Index ix when current.ValueKind == JsonValueKind.Array && ix.Position < current.GetArrayLength():
                    current = current[ix.Position];
                    path += $"[{ix.Position}]";
                    break;
                case Index ix:
                    return (default, $"No element [{ix.Position}] at {path} (a JSON {current.ValueKind.ToString().ToLowerInvariant()}" +
                        (current.ValueKind == JsonValueKind.Array ? $" of {current.GetArrayLength()})." : ")."));
            }
        }
        return (current, null);
    }
}
