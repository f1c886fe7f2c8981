using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace NutPortal.Core.Solidity;

/// <summary>
/// One warm Node process holding one loaded compiler. Serves one request at a time over line-delimited
/// JSON; any failure (timeout, memory limit, crash, oversized answer) kills it and it must not be reused.
/// </summary>
internal sealed partial class SolcWorker : IDisposable
{
    private static readonly TimeSpan MemoryPollInterval = TimeSpan.FromMilliseconds(100);
    private readonly Process _process;
    private readonly LineReader _stdout;
    private readonly StringBuilder _stderr = new();
    private readonly SolidityCompilerOptions _options;
    private readonly string _workDirectory;
    private long _nextId;

    private SolcWorker(Process process, SolidityCompilerOptions options, string workDirectory)
    {
        _process = process;
        _options = options;
        _workDirectory = workDirectory;
        _stdout = new LineReader(process.StandardOutput, options.MaxOutputBytes);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                // Keep only the tail: enough to explain a crash, bounded against a chatty compiler.
                _stderr.Append(e.Data).Append('\n');
                if (_stderr.Length > 8192)
                {
                    _stderr.Remove(0, _stderr.Length - 4096);
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public SolcVersion Version { get; private set; }

    public int Compiles { get; private set; }

    public bool IsUsable { get; private set; } = true;

    public static async Task<SolcWorker> StartAsync(
        SolcInstallation installation, SolcInstallation? legacyWrapper, SolidityCompilerOptions options, CancellationToken cancellationToken)
    {
        var workDirectory = Directory.CreateTempSubdirectory("nutportal-solc-").FullName;
        Process process;
        try
        {
            process = Process.Start(NodeCommand.Build(installation, legacyWrapper, options, workDirectory))
                ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Directory.Delete(workDirectory, recursive: true);
            throw new SolidityCompilerException(SolidityFailure.WorkerFailed, $"Cannot start '{options.NodeExecutable}': {e.Message}", e);
        }
        var worker = new SolcWorker(process, options, workDirectory);
        try
        {
            var line = await worker.ReadAsync(options.StartTimeout, $"loading solc {installation.Version}", cancellationToken);
            using var ready = JsonDocument.Parse(line);
            worker.Version = SolcVersion.Parse(ready.RootElement.GetProperty("version").GetString() ?? "");
            return worker;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            worker.Dispose();
            throw new SolidityCompilerException(SolidityFailure.WorkerFailed, $"solc {installation.Version} worker sent no ready message: {e.Message}", e);
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    /// <summary>Sends a standard-JSON input and returns solc's standard-JSON output text.</summary>
    public async Task<string> CompileAsync(string standardJsonInput, TimeSpan timeout, WorkerFault fault, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        Compiles++;
        var request = new Dictionary<string, object> { ["id"] = id, ["input"] = standardJsonInput };
        if (fault != WorkerFault.None)
        {
            request[fault == WorkerFault.Crash ? "crash" : "hang"] = true;
        }
        try
        {
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request).AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException e)
        {
            Kill();
            throw Failed($"solc {Version} worker is gone: {e.Message}", SolidityFailure.WorkerFailed);
        }
        var line = await ReadAsync(timeout, $"compiling with solc {Version}", cancellationToken);
        JsonDocument reply;
        try
        {
            reply = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            Kill();
            throw Failed($"solc {Version} worker wrote something that is not JSON: {e.Message}", SolidityFailure.WorkerFailed, e);
        }
        using var _ = reply;
        var root = reply.RootElement;
        if (!root.TryGetProperty("id", out var replyId) || replyId.ValueKind != JsonValueKind.Number || replyId.GetInt64() != id)
        {
            Kill();
            throw Failed($"solc {Version} worker answered out of turn", SolidityFailure.WorkerFailed);
        }
        if (root.TryGetProperty("error", out var error))
        {
            // solc-js threw (e.g. an internal compiler error): keep the worker out of the pool.
            Kill();
            throw Failed($"solc {Version} failed: {error.GetString()}", SolidityFailure.WorkerFailed);
        }
        if (!root.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.String)
        {
            Kill();
            throw Failed($"solc {Version} worker answered without output", SolidityFailure.WorkerFailed);
        }
        return output.GetString()!;
    }

    /// <summary>Resident memory now; the pool retires a worker that has grown past half the limit.</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.WorkingSet64;
        }
    }


    internal void Kill()
    {
        IsUsable = false;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public bool IsAlive => IsUsable && !_process.HasExited;

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless.
        }
    }
}

/// <summary>Test hooks: make the worker die or hang mid-job.</summary>
internal enum WorkerFault
{
    None,
    Crash,
    Hang,
}
