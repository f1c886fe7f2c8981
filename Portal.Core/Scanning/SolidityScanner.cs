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

    /// <summary>Scans one source file.</summary>
    public async Task<ScanReport> ScanAsync(string source, string? compilerVersion = null, CancellationToken ct = default) =>
        Report([await AnalyzeAsync(source, compilerVersion, ct)]);

    /// <summary>
    /// Scans a project's files compiled together (imports resolve among them): every file gets the rules and the
    /// model, and each finding and ranked function names its file. One file is scanned as a single source.
    /// </summary>
    public async Task<ScanReport> ScanAsync(IReadOnlyDictionary<string, string> sources, string? compilerVersion = null, CancellationToken ct = default) =>
        sources.Count == 1
            ? await ScanAsync(sources.Values.First(), compilerVersion, ct)
            : Report(await AnalyzeFilesAsync(sources, compilerVersion, ct));

    private ScanReport Report(IReadOnlyList<ScanAnalysis> analyses)
    {
        var first = analyses[0];
        if (first.Error is not null || model is null)
        {
            return new ScanReport(first.CompilerVersion, [.. analyses.SelectMany(a => a.StaticFindings)], first.Error);
        }
        var findings = new List<Finding>();
        var risks = new List<FunctionRisk>();
        foreach (var analysis in analyses)
        {
            var file = analysis.Context?.File;
            var functions = analysis.Functions();
            var ranked = model.Rank(functions);
            var found = analysis.StaticFindings.Concat(model.Findings(ranked, functions, analysis.StaticFindings).Select(f => f with { File = file }))
                .OrderBy(f => f.Line).ThenBy(f => f.Category, StringComparer.Ordinal);
            findings.AddRange(found);
            risks.AddRange(file is null ? ranked : ranked.Select(r => r with { File = file }));
        }
        return new ScanReport(first.CompilerVersion, findings, null, analyses.Count == 1 ? risks : [.. risks.OrderByDescending(r => r.Probability)]);
    }

    /// <summary>Compiles comment-free source and runs the static rules.</summary>
    public async Task<ScanAnalysis> AnalyzeAsync(string source, string? compilerVersion = null, CancellationToken ct = default) =>
        (await AnalyzeFilesAsync(SolidityCompileRequest.ForSource(source).Sources, compilerVersion, ct))[0];

    /// <summary>
    /// Compiles the comment-free files together and runs the static rules per file, in file-name order; on a
    /// compile error, one analysis carrying it. With more than one file, contexts and findings name their file.
    /// </summary>
    private async Task<IReadOnlyList<ScanAnalysis>> AnalyzeFilesAsync(IReadOnlyDictionary<string, string> sources, string? compilerVersion, CancellationToken ct)
    {
        var multiFile = sources.Count > 1;
        var stripped = sources.ToDictionary(s => s.Key, s => SolidityComments.Strip(s.Value), StringComparer.Ordinal);
        var compilation = await compiler.CompileAsync(new SolidityCompileRequest { Sources = stripped, Version = compilerVersion }, ct);
        var version = compilation.CompilerVersion.ToString();
        if (!compilation.Succeeded)
        {
            var first = compilation.Errors.First();
            var where = multiFile && first.SourceName is { } name ? $"{name} line {first.Line}" : $"line {first.Line}";
            return [new ScanAnalysis(version, null, [], [], $"The source does not compile ({where}): {first.Message}")];
        }
        var units = new Dictionary<string, AstNode>(StringComparer.Ordinal);
        foreach (var (name, ast) in compilation.SourceAsts)
        {
            using var doc = JsonDocument.Parse(ast, new JsonDocumentOptions { MaxDepth = 1024 });
            var root = doc.RootElement.Clone();
            if (!root.TryGetProperty("nodeType", out _))
            {
                return [new ScanAnalysis(version, null, [], [], $"solc {version} gives only the legacy AST, which the scanner does not read; use 0.4.12 or later.")];
            }
            units[name] = AstNode.Parse(root);
        }
        var all = units.Values.ToList();
        return [.. stripped.Keys.Where(units.ContainsKey).Order(StringComparer.Ordinal).Select(name =>
        {
            var context = new ScanContext(stripped[name], compilation.CompilerVersion, [units[name]], all, multiFile ? name : null);
            var findings = Detectors.SelectMany(d => d.Detect(context))
                .DistinctBy(f => (f.Detector, f.Line, f.Title))
                .OrderBy(f => f.Line).ThenBy(f => f.Category, StringComparer.Ordinal)
                .Select(f => f with { File = context.File })
                .ToList();
            return new ScanAnalysis(version, context, compilation.Contracts, findings, null);
        })];
    }
}
