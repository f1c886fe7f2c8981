namespace NutPortal.Core.Solidity;

/// <summary>Bounds and pool sizing for <see cref="ISolidityCompiler"/>.</summary>
public sealed class SolidityCompilerOptions
{
    /// <summary>Wall-clock limit of one compile; the worker is killed when it is exceeded.</summary>
    public TimeSpan CompileTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for a new worker to load its compiler (cold start is several seconds on a busy machine).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Resident set size above which a worker is killed (the wasm heap lives outside V8's old space).</summary>
    public long MemoryLimitBytes { get; set; } = 1536L * 1024 * 1024;

    /// <summary>V8 old-space cap passed to node as --max-old-space-size.</summary>
    public int MaxOldSpaceMegabytes { get; set; } = 512;

    /// <summary>Warm workers kept per compiler version (also the number of parallel compiles per version).</summary>
    public int PoolSizePerVersion { get; set; } = 2;

    /// <summary>A worker is recycled after this many compiles, bounding leaks inside the compiler heap.</summary>
    public int MaxCompilesPerWorker { get; set; } = 100;

    /// <summary>Total size (UTF-8 bytes) of all sources in one request; larger requests are refused before compiling.</summary>
    public int MaxSourceBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest compiler answer accepted from a worker; a larger one recycles the worker.</summary>
    public int MaxOutputBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>Node executable; "node" resolves through PATH.</summary>
    public string NodeExecutable { get; set; } = "node";

    /// <summary>Folder holding node_modules with the solc packages; null finds it via RepositoryLayout.</summary>
    public string? NodeProjectRoot { get; set; }

    /// <summary>Use Node's permission model so a worker can read only the compiler packages and write nothing.</summary>
    public bool UseNodePermissionModel { get; set; } = true;
}
