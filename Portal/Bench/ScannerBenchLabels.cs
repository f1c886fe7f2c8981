using System.Text.RegularExpressions;
using NutPortal.Core.Scanning;

namespace NutPortal.Web.Bench;

/// <summary>
/// Ground truth for the scanner bench: SmartBugs marks a vulnerable line with a comment
/// `// &lt;yes&gt; &lt;report&gt; CATEGORY` on the line above. Only the bench reads these comments, for scoring;
/// the scanner sees the source with every comment removed.
/// </summary>
internal static partial class ScannerBenchLabels
{
    public static IReadOnlyList<(string Category, int Line)> Read(string source)
    {
        var lines = source.Split('\n');
        var labels = new List<(string, int)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = LabelPattern().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }
            var target = i + 1;
            while (target < lines.Length && (string.IsNullOrWhiteSpace(lines[target]) || lines[target].TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                target++;
            }
            labels.Add((Category(match.Groups[1].Value), target + 1));
        }
        return labels;
    }

    public static string Category(string label)
    {
        var text = label.Trim().ToUpperInvariant().Replace(' ', '_');
        return text switch
        {
            _ when text.StartsWith("OTHER", StringComparison.Ordinal) => ScanCategories.Other,
            _ when text.StartsWith("UNCHECKED", StringComparison.Ordinal) => ScanCategories.UncheckedCalls,
            _ when text.StartsWith("TIME", StringComparison.Ordinal) => ScanCategories.TimeManipulation,
            _ => text.ToLowerInvariant(),
        };
    }

    [GeneratedRegex(@"//\s*<yes>\s*<report>\s*(.+?)\s*$")]
    private static partial Regex LabelPattern();
}
