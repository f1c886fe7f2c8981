using System.Text.Json;
using NutPortal.Core.Scanning.Detectors;
using NutPortal.Core.Solidity;

namespace NutPortal.Core.Scanning;

/// <summary>The findings of one scan, or why the source could not be scanned.</summary>
public sealed record ScanReport(string? CompilerVersion, IReadOnlyList<Finding> Findings, string? Error);

/// <summary>
/// Strips comments, compiles with solc for the AST, and runs every detector. Thread-safe.
/// </summary>
public sealed class SolidityScanner(ISolidityCompiler compiler)
{
    public static IReadOnlyList<Detector> Detectors { get; } =
    [
        new ReentrancyDetector(), new AccessControlDetector(), new DelegatecallDetector(), new ArithmeticDetector(), new UncheckedCallDetector(),
        new DenialOfServiceDetector(), new BadRandomnessDetector(), new FrontRunningDetector(), new TimeManipulationDetector(),
        new ShortAddressDetector(), new UninitializedStorageDetector(),
    ];

    public async Task<ScanReport> ScanAsync(string source, string? compilerVersion = null, CancellationToken ct = default)
    {
        var stripped = SolidityComments.Strip(source);
        var request = SolidityCompileRequest.ForSource(stripped, compilerVersion);
        var compilation = await compiler.CompileAsync(request, ct);
        var version = compilation.CompilerVersion.ToString();
        if (!compilation.Succeeded)
        {
            var first = compilation.Errors.First();
            return new ScanReport(version, [], $"The source does not compile (line {first.Line}): {first.Message}");
        }
        var units = new List<AstNode>();
        foreach (var ast in compilation.SourceAsts.Values)
        {
            using var doc = JsonDocument.Parse(ast, new JsonDocumentOptions { MaxDepth = 1024 });
            var root = doc.RootElement.Clone();
            if (!root.TryGetProperty("nodeType", out _))
            {
                return new ScanReport(version, [], $"solc {version} gives only the legacy AST, which the scanner does not read; use 0.4.12 or later.");
            }
            units.Add(AstNode.Parse(root));
        }
        var context = new ScanContext(stripped, compilation.CompilerVersion, units);
        var findings = Detectors.SelectMany(d => d.Detect(context))
            .DistinctBy(f => (f.Detector, f.Line, f.Title))
            .OrderBy(f => f.Line).ThenBy(f => f.Category, StringComparer.Ordinal)
            .ToList();
        return new ScanReport(version, findings, null);
    }
}
