namespace NutPortal.Core.Solidity;

/// <summary>Compiles Solidity with solc-js in pooled, bounded Node workers.</summary>
public interface ISolidityCompiler
{
    /// <summary>Compiler versions installed side by side, highest first.</summary>
    IReadOnlyList<SolcVersion> InstalledVersions { get; }

    /// <summary>The version that would compile <paramref name="request"/> (explicit version or pragma).</summary>
    SolcVersion SelectVersion(SolidityCompileRequest request);

    /// <summary>
    /// Compiles. Source errors come back as diagnostics; toolchain failures (unknown version, size limit,
    /// timeout, memory limit, crashed worker) throw <see cref="SolidityCompilerException"/>.
    /// </summary>
    Task<SolidityCompilation> CompileAsync(SolidityCompileRequest request, CancellationToken cancellationToken = default);
}
