using System.Diagnostics;
using NutPortal.Core.Scanning;
using NutPortal.Core.Scanning.Model;

namespace NutPortal.Web.Bench;

/// <summary>One labelled contract, scanned by the static rules, with its functions' model features.</summary>
internal sealed record LabelledScan(string File, IReadOnlyList<(string Category, int Line)> Labels, ScanAnalysis Analysis, IReadOnlyList<FunctionSample> Functions)
{
    public TrainingContract ForTraining() => new(File, Functions, Analysis.StaticFindings, Labels);
}

/// <summary>A SmartBugs-layout dataset (dataset/&lt;category&gt;/*.sol) read for the scanner bench and model training.</summary>
internal static class ScannerDataset
{
    public static IReadOnlyList<string> Files(string root) =>
        Directory.GetFiles(Directory.Exists(Path.Combine(root, "dataset")) ? Path.Combine(root, "dataset") : root, "*.sol", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Scans a file; labels are read from the original text, the scanner sees it without comments.</summary>
    public static async Task<(LabelledScan Scan, double FeatureMs)> ScanAsync(SolidityScanner scanner, string root, string file, CancellationToken ct)
    {
        var source = await File.ReadAllTextAsync(file, ct);
        var analysis = await scanner.AnalyzeAsync(source, ct: ct);
        var started = Stopwatch.GetTimestamp();
        var functions = analysis.Functions();
        var featureMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var name = Path.GetRelativePath(root, file).Replace('\\', '/');
        return (new LabelledScan(name, ScannerBenchLabels.Read(source), analysis, functions), featureMs);
    }

    public static async Task<List<LabelledScan>> ScanAllAsync(SolidityScanner scanner, string root, CancellationToken ct)
    {
        var scans = new List<LabelledScan>();
        foreach (var file in Files(root))
        {
            scans.Add((await ScanAsync(scanner, root, file, ct)).Scan);
        }
        return scans;
    }
}
