using NutPortal.Core.Contracts;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Scanning;
using NutPortal.Core.Solidity;

namespace NutPortal.Web.Components.Contracts;

/// <summary>A compiled contract as the editor shows it.</summary>
public sealed record CompiledView(ContractArtifact Artifact, int BytecodeBytes, int DeployedBytes, long DeploymentGas, IReadOnlyList<string> Functions);

/// <summary>State of the contract editor, drivable without rendering: source files, last compile, save.</summary>
public sealed partial class ContractEditorModel(ContractCompiler compiler)
{
    private readonly List<KeyValuePair<string, string>> _files = [];
    private int _generation;

    /// <summary>The file shown in the editor.</summary>
    public string ActiveFile { get; private set; } = ContractCompiler.MainFile;

    /// <summary>The active file's text.</summary>
    public string Source => _files.FirstOrDefault(f => f.Key == ActiveFile).Value ?? "";

    /// <summary>Every file, in the order they were added; compiled and saved together.</summary>
    public IReadOnlyDictionary<string, string> Sources => _files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    public IReadOnlyList<string> FileNames => [.. _files.Select(f => f.Key)];

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

    public string? SaveMessage { get; set; }

    public IReadOnlyList<SolidityDiagnostic> Diagnostics { get; private set; } = [];

    public IReadOnlyList<CompiledView> Contracts { get; private set; } = [];

    /// <summary>Whether the sources can be saved; a missing or long project name is shown at its field (<see cref="NameProblem"/>).</summary>
    public bool CanSave => State == "ok";

    /// <summary>Why a new project's name is not acceptable (the API's rule and message), or null.</summary>
    public static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength ? $"A name of 1 to {MaxNameLength} characters is required." : null;

    public const int MaxNameLength = 128;

    public void Load(string source, string? projectName, string? projectId, string? templateId) =>
        Load(ContractCompiler.SingleSource(source), projectName, projectId, templateId);

    public void Load(IReadOnlyDictionary<string, string> sources, string? projectName, string? projectId, string? templateId)
    {
        _files.Clear();
        _files.AddRange(sources);
        ActiveFile = _files[0].Key;
        ProjectName = projectName;
        ProjectId = projectId;
        TemplateId = templateId;
    }

    /// <summary>Compiles after an edit of the active file; false when a newer edit arrived meanwhile (its result wins).</summary>
    public Task<bool> CompileAsync(string source, CancellationToken ct) => CompileAsync(ActiveFile, source, ct);

    /// <summary>Compiles every file after an edit of <paramref name="file"/>; false when a newer edit arrived meanwhile.</summary>
    public async Task<bool> CompileAsync(string file, string source, CancellationToken ct)
    {
        var generation = Interlocked.Increment(ref _generation);
        var index = _files.FindIndex(f => f.Key == file);
        if (index < 0)
        {
            _files.Add(new(file, source));
        }
        else
        {
            _files[index] = new(file, source);
        }
        State = "compiling";
        try
        {
            var result = await compiler.CompileAsync(Sources, null, ct: ct);
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

    /// <summary>The active file's diagnostics with a position, in the shape editor.js turns into Monaco markers.</summary>
    public IReadOnlyList<object> Markers() => Diagnostics.Where(d => d.Line is not null && (d.SourceName is null || d.SourceName == ActiveFile)).Select(d => (object)new
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
        file = f.File,
    }).ToList();

    /// <summary>Saves the source as a project (or a new version); returns the project id, or null with a message.</summary>
    public async Task<string?> SaveAsync(ContractProjects projects, string user, string organizationId, CancellationToken ct)
    {
        if (ProjectId is null && NameProblem(NewName) is { } problem)
        {
            SaveMessage = $"Not saved: {problem}";
            return null;
        }
        var sources = Sources;
        var result = ProjectId is null
            ? await projects.CreateAsync(NewName!, sources, null, TemplateId, user, organizationId, ct)
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
