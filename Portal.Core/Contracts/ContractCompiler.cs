using NutPortal.Core.Solidity;

namespace NutPortal.Core.Contracts;

/// <summary>The contract center's view of a compile: artifacts with 0x hex and diagnostics with positions.</summary>
public sealed record ContractCompileResult(string CompilerVersion, IReadOnlyList<ContractArtifact> Contracts, IReadOnlyList<SolidityDiagnostic> Diagnostics)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}

/// <summary>Compiles contract-center sources with the shared solc pools.</summary>
public sealed class ContractCompiler(ISolidityCompiler compiler)
{
    /// <summary>Compiles; toolchain failures (size, version, timeout) throw <see cref="SolidityCompilerException"/>.</summary>
    public async Task<ContractCompileResult> CompileAsync(
        IReadOnlyDictionary<string, string> sources, string? compilerVersion, bool diagnosticsOnly = false, CancellationToken ct = default)
    {
        var request = new SolidityCompileRequest { Sources = sources, Version = compilerVersion, DiagnosticsOnly = diagnosticsOnly, Optimize = true };
        var compilation = await compiler.CompileAsync(request, ct);
        var artifacts = compilation.Contracts
            .Select(c => new ContractArtifact(c.Name, c.SourceName, c.AbiJson, Prefixed(c.Bytecode), Prefixed(c.DeployedBytecode)))
            .ToList();
        return new ContractCompileResult(compilation.CompilerVersion.ToString(), artifacts, compilation.Diagnostics);
    }

    public Task<ContractCompileResult> CompileAsync(string source, string? compilerVersion, bool diagnosticsOnly = false, CancellationToken ct = default) =>
        CompileAsync(SingleSource(source), compilerVersion, diagnosticsOnly, ct);

    /// <summary>The file name a single pasted source is saved under.</summary>
    public const string MainFile = "Contract.sol";

    public static IReadOnlyDictionary<string, string> SingleSource(string source) => new Dictionary<string, string> { [MainFile] = source };

    private static string Prefixed(string hex) => hex.Length == 0 ? "" : "0x" + hex;
}
