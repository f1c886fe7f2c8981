using NutPortal.Core.Scanning;

namespace NutPortal.Web.Bench;

/// <summary>
/// `bench scanner &lt;dir&gt; --noise`: which detectors (and which of their titles) put findings on unlabelled lines,
/// and where, so precision work starts with the noisiest rule. Diagnostic output only, on stderr.
/// </summary>
internal sealed class ScannerBenchNoise
{
    private readonly List<(string File, Finding Finding)> _unlabelled = [];

    public void Add(string file, IReadOnlyList<(string Category, int Line)> labels, ScanReport result)
    {
        foreach (var finding in result.Findings.DistinctBy(f => (f.Category, f.Line)))
        {
            if (!labels.Contains((finding.Category, finding.Line)))
            {
                _unlabelled.Add((file, finding));
            }
        }
    }

    public async Task PrintAsync(TextWriter output)
    {
        foreach (var (file, f) in _unlabelled.OrderBy(u => u.Finding.Detector, StringComparer.Ordinal).ThenBy(u => u.File, StringComparer.Ordinal).ThenBy(u => u.Finding.Line))
        {
            await output.WriteLineAsync($"noise {f.Detector} {file}:{f.Line} {f.Title}");
        }
        foreach (var group in _unlabelled.GroupBy(u => (u.Finding.Detector, u.Finding.Title)).OrderByDescending(g => g.Count()))
        {
            await output.WriteLineAsync($"noise-total {group.Count()} {group.Key.Detector}: {group.Key.Title}");
        }
    }
}
