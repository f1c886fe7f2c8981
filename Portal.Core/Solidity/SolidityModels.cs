namespace NutPortal.Core.Solidity;

/// <summary>What to compile. Imports resolve only among <see cref="Sources"/>; nothing is read from disk.</summary>
public sealed class SolidityCompileRequest
{
    /// <summary>Source unit name → content, e.g. "Token.sol" → "pragma solidity ^0.8.0; ...".</summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    /// <summary>Exact compiler version or a range ("0.8.37", "^0.4.19"); null picks from the sources' pragmas.</summary>
    public string? Version { get; init; }

    /// <summary>Parse and type-check only (no bytecode): the fast path for checking as the user types.</summary>
    public bool DiagnosticsOnly { get; init; }

    public bool Optimize { get; init; }

    public int OptimizerRuns { get; init; } = 200;

    /// <summary>Target EVM (e.g. "paris"); null leaves the compiler's default.</summary>
    public string? EvmVersion { get; init; }

    public static SolidityCompileRequest ForSource(string source, string? version = null, string name = "Contract.sol") =>
        new() { Sources = new Dictionary<string, string> { [name] = source }, Version = version };
}

public enum DiagnosticSeverity
{
    Error,
    Warning,
    Info,
}

/// <summary>
/// A compiler message. Line and column are 1-based and count UTF-16 code units (as editors do); they are
/// null when solc gave no location.
/// </summary>
public sealed record SolidityDiagnostic(
    DiagnosticSeverity Severity,
    string Type,
    string? ErrorCode,
    string Message,
    string FormattedMessage,
    string? SourceName,
    int? Line,
    int? Column,
    int? EndLine,
    int? EndColumn);

/// <summary>
/// One compiled contract. Hex strings carry no 0x prefix, as solc emits them; empty when not produced.
/// <see cref="MethodIdentifiers"/> maps a function signature ("set(uint256)") to its 4-byte selector in hex.
/// </summary>
public sealed record CompiledContract(
    string SourceName,
    string Name,
    string AbiJson,
    string Bytecode,
    string DeployedBytecode,
    string SourceMap,
    string DeployedSourceMap,
    string? AstJson,
    IReadOnlyDictionary<string, string> MethodIdentifiers);

/// <summary>The compiler's answer: contracts and diagnostics.</summary>
public sealed record SolidityCompilation(
    SolcVersion CompilerVersion,
    string CompilerVersionText,
    IReadOnlyList<CompiledContract> Contracts,
    IReadOnlyList<SolidityDiagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> SourceAsts)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);

    public IEnumerable<SolidityDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public CompiledContract Contract(string name) =>
        Contracts.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"No contract '{name}' in the output (have: {string.Join(", ", Contracts.Select(c => c.Name))})");
}
