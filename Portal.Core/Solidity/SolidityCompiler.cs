using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace NutPortal.Core.Solidity;

/// <summary>
/// solc-js behind pools of warm Node workers, one pool per installed compiler version. Thread-safe; meant to
/// be a singleton.
/// </summary>
public sealed class SolidityCompiler : ISolidityCompiler, IDisposable
{
    private readonly SolidityCompilerOptions _options;
    private readonly SolcCatalog _catalog;
    private readonly ConcurrentDictionary<SolcVersion, SolcWorkerPool> _pools = new();

    public SolidityCompiler(IOptions<SolidityCompilerOptions> options)
        : this(options.Value)
    {
    }

    public SolidityCompiler(SolidityCompilerOptions options)
    {
        _options = options;
        _catalog = new SolcCatalog(options.NodeProjectRoot);
    }

    public IReadOnlyList<SolcVersion> InstalledVersions => [.. _catalog.Installations.Select(i => i.Version)];

    public SolcVersion SelectVersion(SolidityCompileRequest request) => _catalog.Select(request).Version;

    /// <summary>Starts a worker for the version matching <paramref name="version"/> (a version or range).</summary>
    public Task WarmUpAsync(string version, CancellationToken cancellationToken = default) =>
        Pool(_catalog.Select(new SolidityCompileRequest { Sources = new Dictionary<string, string>(), Version = version }))
            .WarmUpAsync(cancellationToken);

    public Task<SolidityCompilation> CompileAsync(SolidityCompileRequest request, CancellationToken cancellationToken = default) =>
        CompileAsync(request, WorkerFault.None, null, cancellationToken);

    internal async Task<SolidityCompilation> CompileAsync(
        SolidityCompileRequest request, WorkerFault fault, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (request.Sources is null || request.Sources.Count == 0)
        {
            throw new SolidityCompilerException(SolidityFailure.InvalidRequest, "No sources to compile");
        }
        var size = request.Sources.Sum(s => (long)Encoding.UTF8.GetByteCount(s.Value) + Encoding.UTF8.GetByteCount(s.Key));
        if (size > _options.MaxSourceBytes)
        {
            throw new SolidityCompilerException(
                SolidityFailure.SourceTooLarge, $"Sources are {size} bytes; the limit is {_options.MaxSourceBytes} bytes");
        }
        var installation = _catalog.Select(request);
        var output = await Pool(installation).CompileAsync(
            StandardJson.Input(request), timeout ?? _options.CompileTimeout, fault, cancellationToken);
        try
        {
            return StandardJsonOutput.Read(output, installation.Version, request.Sources);
        }
        catch (JsonException e)
        {
            throw new SolidityCompilerException(SolidityFailure.WorkerFailed, $"solc {installation.Version} returned unreadable output: {e.Message}", e);
        }
    }

    /// <summary>Kills the idle workers of a version (tests: a crashed warm worker must be replaced).</summary>
    internal int KillIdleWorkers(SolcVersion version) => _pools.TryGetValue(version, out var pool) ? pool.KillIdle() : 0;

    /// <summary>Workers started for a version so far (tests check recycling).</summary>
    internal int WorkersStarted(SolcVersion version) => _pools.TryGetValue(version, out var pool) ? pool.WorkersStarted : 0;

    private SolcWorkerPool Pool(SolcInstallation installation) =>
        _pools.GetOrAdd(installation.Version, _ => new SolcWorkerPool(installation, _catalog.LegacyWrapperFor(installation), _options));

    public void Dispose()
    {
        foreach (var pool in _pools.Values)
        {
            pool.Dispose();
        }
        _pools.Clear();
    }
}
