using System.Diagnostics;
using NutPortal.Core.Scanning;
using NutPortal.Core.Scanning.Model;
using NutPortal.Core.Solidity;

namespace NutPortal.Web.Bench;

/// <summary>
/// Runs the static scanner over a labelled dataset (SmartBugs curated layout: dataset/&lt;category&gt;/*.sol) and
/// prints, per category, labelled vulnerabilities found at their line, findings on unlabelled lines, and the
/// time per contract (after one untimed warm-up pass that starts the compiler workers); then the learned
/// model's held-out figures from cross-validation by file (<see cref="ScannerModelBench"/>; skip with --static-only).
/// </summary>
internal sealed class ScannerBenchSuite : IBenchSuite
{
    public string Name => "scanner";

    public string Description => "static scanner and learned model (held-out, k-fold by file) vs. labelled contracts: hits per category, unlabelled findings, ms per contract";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var root = arguments.Count > 0 ? CommandLine.CommandPaths.Resolve(arguments[0]) : throw new ArgumentException("Usage: bench scanner <dataset-dir>");
        var files = Directory.GetFiles(Directory.Exists(Path.Combine(root, "dataset")) ? Path.Combine(root, "dataset") : root, "*.sol", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        using var compiler = new SolidityCompiler(new SolidityCompilerOptions { PoolSizePerVersion = 1 });
        var scanner = new SolidityScanner(compiler);
        foreach (var file in files)
        {
            await scanner.ScanAsync(await File.ReadAllTextAsync(file, ct), ct: ct);
        }
        var score = new ScannerScore();
        var noise = new ScannerBenchNoise();
        var times = new List<double>();
        var scans = new List<LabelledScan>();
        foreach (var file in files)
        {
            var source = await File.ReadAllTextAsync(file, ct);
            var started = Stopwatch.GetTimestamp();
            var analysis = await scanner.AnalyzeAsync(source, ct: ct);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var result = new ScanReport(analysis.CompilerVersion, analysis.StaticFindings, analysis.Error);
            var labels = ScannerBenchLabels.Read(source);
            score.Add(labels, result);
            noise.Add(Path.GetRelativePath(root, file), labels, result);

            scans.Add(new LabelledScan(Path.GetRelativePath(root, file), labels, analysis, analysis.Functions()));
            if (arguments.Contains("--misses"))
            {
                // Diagnostic listing for tuning detectors, on stderr so stdout keeps one figure per line.
                foreach (var (category, line) in labels.Where(l => !result.Findings.Any(f => f.Category == l.Category && f.Line == l.Line)))
                {
                    await Console.Error.WriteLineAsync($"miss {category} {Path.GetRelativePath(root, file)}:{line} {result.Error}");
                }
            }
        }
        score.Print(report, files.Count);
        if (arguments.Contains("--noise"))
        {
            await noise.PrintAsync(Console.Error);
        }
        times.Sort();
        report.Figure("scanner.ms_per_contract.median", times[times.Count / 2], "ms");
        report.Figure("scanner.ms_per_contract.p95", times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)], "ms");
        if (!arguments.Contains("--static-only"))
        {
            ScannerModelBench.Run(report, scans, new ScannerModelTrainingOptions());
        }
    }
}

/// <summary>Counts labelled lines found (same category, same line) and findings on lines with no such label.</summary>
internal sealed class ScannerScore
{
    private readonly Dictionary<string, int[]> _byCategory = ScanCategories.All.ToDictionary(c => c, _ => new int[3]);
    private int _failed;

    public void Add(IReadOnlyList<(string Category, int Line)> labels, ScanReport result)
    {
        if (result.Error is not null)
        {
            _failed++;
        }
        foreach (var label in labels)
        {
            var counts = Counts(label.Category);
            counts[0]++;
            if (result.Findings.Any(f => f.Category == label.Category && f.Line == label.Line))
            {
                counts[1]++;
            }
        }
        foreach (var finding in result.Findings.DistinctBy(f => (f.Category, f.Line)))
        {
            if (!labels.Contains((finding.Category, finding.Line)))
            {
                Counts(finding.Category)[2]++;
            }
        }
    }

    public void Print(BenchReport report, int contracts)
    {
        report.Figure("scanner.contracts", contracts, "files");
        report.Figure("scanner.not_scanned", _failed, "files");
        foreach (var (category, c) in _byCategory)
        {
            report.Figure($"scanner.{category}.labelled", c[0], "lines");
            report.Figure($"scanner.{category}.found_at_line", c[1], "lines");
            report.Figure($"scanner.{category}.unlabelled_findings", c[2], "lines");
        }
        report.Figure("scanner.total.labelled", _byCategory.Values.Sum(c => c[0]), "lines");
        report.Figure("scanner.total.found_at_line", _byCategory.Values.Sum(c => c[1]), "lines");
        report.Figure("scanner.total.unlabelled_findings", _byCategory.Values.Sum(c => c[2]), "lines");
    }

    private int[] Counts(string category) => _byCategory.TryGetValue(category, out var c) ? c : _byCategory[category] = new int[3];
}
