using System.Text.Json;
using NutPortal.Core.Scanning.Detectors;
using NutPortal.Core.Scanning.Model;
using NutPortal.Core.Solidity;

namespace NutPortal.Core.Scanning;

/// <summary>The findings of one scan, or why the source could not be scanned; with a model, functions ranked by risk.</summary>
public sealed record ScanReport(string? CompilerVersion, IReadOnlyList<Finding> Findings, string? Error, IReadOnlyList<FunctionRisk>? Risks = null);

/// <summary>A compiled, statically scanned source: what the model and its training read on top of the rules.</summary>
public sealed record ScanAnalysis(string CompilerVersion, ScanContext? Context, IReadOnlyList<CompiledContract> Contracts, IReadOnlyList<Finding> StaticFindings, string? Error)
{
    /// <summary>Each function's features for the model: AST paths plus opcode n-grams of its share of the bytecode.</summary>
    public IReadOnlyList<FunctionSample> Functions()
    {
        if (Context is null)
        {
            return [];
        }
        var functions = AstFeatures.Extract(Context);
        BytecodeFeatures.Add(Context, Contracts, functions);
        return functions;
    }
}

/// <summary>
/// Strips comments, compiles with solc for the AST and bytecode, runs every detector and, when given one,
/// the learned model. Thread-safe.
/// </summary>
public sealed class SolidityScanner(ISolidityCompiler compiler, ScannerModel? model = null)
{
    public static IReadOnlyList<Detector> Detectors { get; } =
    [
        new ReentrancyDetector(), new AccessControlDetector(), new DelegatecallDetector(), new ArithmeticDetector(), new UncheckedCallDetector(),
        new DenialOfServiceDetector(), new BadRandomnessDetector(), new FrontRunningDetector(), new TimeManipulationDetector(),
        new ShortAddressDetector(), new UninitializedStorageDetector(),
    ];

    public ScannerModel? Model => model;

    public async Task<ScanReport> ScanAsync(string source, string? compilerVersion = null, CancellationToken ct = default)
    {
        var analysis = await AnalyzeAsync(source, compilerVersion, ct);
        if (analysis.Error is not null || model is null)
        {
            return new ScanReport(analysis.CompilerVersion, analysis.StaticFindings, analysis.Error);
        }
        var functions = analysis.Functions();
        var risks = model.Rank(functions);
        var findings = analysis.StaticFindings.Concat(model.Findings(risks, functions, analysis.StaticFindings))
            .OrderBy(f => f.Line).ThenBy(f => f.Category, StringComparer.Ordinal).ToList();
        return new ScanReport(analysis.CompilerVersion, findings, null, risks);
    }

    /// <summary>Compiles comment-free source and runs the static rules.</summary>
    public async Task<ScanAnalysis> AnalyzeAsync(string source, string? compilerVersion = null, CancellationToken ct = default)
    {
        var stripped = SolidityComments.Strip(source);
        var request = SolidityCompileRequest.ForSource(stripped, compilerVersion);
        var compilation = await compiler.CompileAsync(request, ct);
        var version = compilation.CompilerVersion.ToString();
        if (!compilation.Succeeded)
        {
            var first = compilation.Errors.First();
            return new ScanAnalysis(version, null, [], [], $"The source does not compile (line {first.Line}): {first.Message}");
        }
        var units = new List<AstNode>();
        foreach (var ast in compilation.SourceAsts.Values)
        {
            using var doc = JsonDocument.Parse(ast, new JsonDocumentOptions { MaxDepth = 1024 });
            var root = doc.RootElement.Clone();
            if (!root.TryGetProperty("nodeType", out _))
            {
                return new ScanAnalysis(version, null, [], [], $"solc {version} gives only the legacy AST, which the scanner does not read; use 0.4.12 or later.");
            }
            units.Add(AstNode.Parse(root));
        }
        var context = new ScanContext(stripped, compilation.CompilerVersion, units);
        var findings = Detectors.SelectMany(d => d.Detect(context))
            .DistinctBy(f => (f.Detector, f.Line, f.Title))
            .OrderBy(f => f.Line).ThenBy(f => f.Category, StringComparer.Ordinal)
            .ToList();
        return new ScanAnalysis(version, context, compilation.Contracts, findings, null);
    }
}
