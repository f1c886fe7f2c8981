using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Scanning;
using NutPortal.Core.Solidity;

namespace NutPortal.Web.Components.Contracts;

/// <summary>A compiled contract as the editor shows it.</summary>
public sealed record CompiledView(ContractArtifact Artifact, int BytecodeBytes, int DeployedBytes, long DeploymentGas, IReadOnlyList<string> Functions);

/// <summary>State of the contract editor, drivable without rendering: source, last compile, save.</summary>
public sealed class ContractEditorModel(ContractCompiler compiler)
{
    private int _generation;

    public string Source { get; private set; } = "";

    public string? ProjectName { get; private set; }

    public string? ProjectId { get; private set; }

    public string? TemplateId { get; private set; }

    public string? NewName { get; set; }

    public string State { get; private set; } = "idle";

    public string StateText => State switch
    {
        "compiling" => "Compiling…",
        "ok" => "Compiles",
        "errors" => $"{Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} error(s)",
        "failed" => "Compiler unavailable",
        _ => "",
    };

    public string? CompilerVersion { get; private set; }

    public string? SaveMessage { get; private set; }

    public IReadOnlyList<SolidityDiagnostic> Diagnostics { get; private set; } = [];

    public IReadOnlyList<CompiledView> Contracts { get; private set; } = [];

    public bool CanSave => State == "ok" && (ProjectId is not null || !string.IsNullOrWhiteSpace(NewName));

    public void Load(string source, string? projectName, string? projectId, string? templateId)
    {
        Source = source;
        ProjectName = projectName;
        ProjectId = projectId;
        TemplateId = templateId;
    }

    /// <summary>Compiles; false when a newer edit arrived meanwhile (its result wins).</summary>
    public async Task<bool> CompileAsync(string source, CancellationToken ct)
    {
        var generation = Interlocked.Increment(ref _generation);
        Source = source;
        State = "compiling";
        try
        {
            var result = await compiler.CompileAsync(source, null, ct: ct);
            if (generation != _generation)
            {
                return false;
            }
            CompilerVersion = result.CompilerVersion;
            Diagnostics = result.Diagnostics;
            Contracts = result.Contracts.Select(View).ToList();
            State = result.Succeeded ? "ok" : "errors";
        }
        catch (SolidityCompilerException e)
        {
            Diagnostics = [new SolidityDiagnostic(DiagnosticSeverity.Error, "Toolchain", null, e.Message, e.Message, null, 1, 1, null, null)];
            Contracts = [];
            State = "failed";
        }
        return true;
    }

    /// <summary>Diagnostics with a position, in the shape editor.js turns into Monaco markers.</summary>
    public IReadOnlyList<object> Markers() => Diagnostics.Where(d => d.Line is not null).Select(d => (object)new
    {
        severity = d.Severity.ToString().ToLowerInvariant(),
        message = d.Message,
        line = d.Line,
        column = d.Column ?? 1,
        endLine = d.EndLine,
        endColumn = d.EndColumn,
    }).ToList();

    /// <summary>Scan findings as editor markers: high severity as errors, the rest as warnings, each naming its detector.</summary>
    public static IReadOnlyList<object> ScanMarkers(IEnumerable<Finding> findings) => findings.Where(f => f.Line > 0).Select(f => (object)new
    {
        severity = f.Severity == "high" ? "error" : "warning",
        message = $"{f.Title} ({f.Category}, {f.Severity}, {f.Detector}): {f.Explanation} {f.Advice}",
        line = f.Line,
        column = Math.Max(f.Column, 1),
    }).ToList();

    /// <summary>Saves the source as a project (or a new version); returns the project id, or null with a message.</summary>
    public async Task<string?> SaveAsync(ContractProjects projects, string user, CancellationToken ct)
    {
        var sources = ContractCompiler.SingleSource(Source);
        var result = ProjectId is null
            ? await projects.CreateAsync(NewName ?? "Contract", sources, null, TemplateId, user, ct)
            : await projects.SaveVersionAsync(ProjectId, sources, null, user, ct);
        SaveMessage = result?.Version is null ? "Not saved: the source does not compile." : null;
        return result?.Version is null ? null : result.Project!.Id;
    }

    private static CompiledView View(ContractArtifact a)
    {
        IReadOnlyList<string> functions;
        try
        {
            functions = ContractAbi.Parse(a.Abi).Functions.Select(f => $"{f.Signature} {f.StateMutability}").ToList();
        }
        catch (AbiException)
        {
            functions = [];
        }
        var bytes = a.Bytecode.Length <= 2 ? 0 : (a.Bytecode.Length - 2) / 2;
        var deployed = a.DeployedBytecode.Length <= 2 ? 0 : (a.DeployedBytecode.Length - 2) / 2;
        return new CompiledView(a, bytes, deployed, DeploymentGas.Estimate(a), functions);
    }
}
