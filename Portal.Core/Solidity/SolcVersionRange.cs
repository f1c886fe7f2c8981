using System.Globalization;
using System.Text.RegularExpressions;

namespace NutPortal.Core.Solidity;

/// <summary>
/// A version range as written after <c>pragma solidity</c>: alternatives separated by <c>||</c>, each a
/// space-separated conjunction of comparators (<c>^ ~ &gt;= &gt; &lt;= &lt; =</c>, exact, <c>x</c>/<c>*</c>
/// wildcards, <c>a - b</c> hyphen ranges), with solc's semantics for <c>^0.x</c>.
/// </summary>
public sealed partial class SolcVersionRange
{
    private readonly List<List<(string Op, SolcVersion Version)>> _alternatives;

    private SolcVersionRange(string text, List<List<(string, SolcVersion)>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    public string Text { get; }

    public bool IsSatisfiedBy(SolcVersion version) =>
        _alternatives.Any(all => all.All(c => Test(c.Op, c.Version, version)));

    public override string ToString() => Text;

    public static SolcVersionRange Parse(string text)
    {
        var alternatives = new List<List<(string, SolcVersion)>>();
        foreach (var alternative in text.Split("||"))
        {
            // Glue operators to their versions (">= 0.4.0" is legal), then expand hyphen ranges.
            var normalised = OperatorSpace().Replace(alternative.Trim(), "$1");
            var tokens = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var comparators = new List<(string, SolcVersion)>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (i + 2 < tokens.Count && tokens[i + 1] == "-")
                {
                    comparators.Add((">=", Partial(tokens[i]).Low));
                    comparators.Add(("<=", Partial(tokens[i + 2]).Low));
                    i += 2;
                    continue;
                }
                comparators.AddRange(Comparator(tokens[i], text));
            }
            if (comparators.Count == 0)
            {
                throw new FormatException($"Empty version range in '{text}'");
            }
            alternatives.Add(comparators);
        }
        return new SolcVersionRange(text.Trim(), alternatives);
    }

    private static IEnumerable<(string, SolcVersion)> Comparator(string token, string text)
    {
        var match = ComparatorPattern().Match(token);
        if (!match.Success)
        {
            throw new FormatException($"Cannot read version range '{text}' at '{token}'");
        }
        var op = match.Groups[1].Value;
        var (low, high, given) = Partial(match.Groups[2].Value);
        return op switch
        {
            "^" => [(">=", low), ("<", CaretCeiling(low, given))],
            "~" => [(">=", low), ("<", given >= 2 ? new SolcVersion(low.Major, low.Minor + 1, 0) : new SolcVersion(low.Major + 1, 0, 0))],
            "" or "=" => given == 3 ? [("=", low)] : [(">=", low), ("<", high)],
            ">" when given < 3 => [(">=", high)],
            "<=" when given < 3 => [("<", high)],
            _ => [(op, low)],
        };
    }

    private static SolcVersion CaretCeiling(SolcVersion v, int given) =>
        v.Major > 0 || given == 1 ? new SolcVersion(v.Major + 1, 0, 0)
        : v.Minor > 0 || given == 2 ? new SolcVersion(0, v.Minor + 1, 0)
        : new SolcVersion(0, 0, v.Patch + 1);

    /// <summary>Reads "0.4", "0.4.x" or "0.4.24": the lowest matching version, the exclusive ceiling, and how many parts were given.</summary>
    private static (SolcVersion Low, SolcVersion High, int Given) Partial(string text)
    {
        var parts = text.Split('.');
        var numbers = new List<int>();
        foreach (var part in parts.Take(3))
        {
            if (part is "x" or "X" or "*")
            {
                break;
            }
            numbers.Add(int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture));
        }
        var given = numbers.Count;
        var low = new SolcVersion(given > 0 ? numbers[0] : 0, given > 1 ? numbers[1] : 0, given > 2 ? numbers[2] : 0);
        var high = given switch
        {
            0 => new SolcVersion(int.MaxValue, 0, 0),
            1 => new SolcVersion(low.Major + 1, 0, 0),
            2 => new SolcVersion(low.Major, low.Minor + 1, 0),
            _ => new SolcVersion(low.Major, low.Minor, low.Patch + 1),
        };
        return (low, high, given);
    }

    private static bool Test(string op, SolcVersion bound, SolcVersion v) => op switch
    {
        ">=" => v >= bound,
        ">" => v > bound,
        "<=" => v <= bound,
        "<" => v < bound,
        _ => v == bound,
    };

    [GeneratedRegex(@"(\^|~|>=|<=|>|<|=)\s+")]
    private static partial Regex OperatorSpace();

    [GeneratedRegex(@"^(\^|~|>=|<=|>|<|=)?v?((?:\d+|[xX*])(?:\.(?:\d+|[xX*])){0,2})$")]
    private static partial Regex ComparatorPattern();
}
