using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace NutPortal.Core.Networks.Drivers;

/// <summary>
/// Runs nodes as processes on this machine. Each node runs in its own session (setsid) with its output going
/// straight to <c>node.log</c> in its data folder, so it does not depend on the portal's pipes: when the
/// portal restarts, it finds the process by id and re-adopts it.
/// </summary>
public sealed class LocalNodeDriver(ILogger<LocalNodeDriver> logger) : INodeDriver, IDisposable
{
    public const string DriverName = "local";
    private const string LogFile = "node.log";
    private const long RotateAtBytes = 10 * 1024 * 1024;
    private static readonly TimeSpan ExecTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<int, Process> _children = new();

    public string Name => DriverName;

    public async Task<int?> StartAsync(NodeStartRequest request, CancellationToken ct)
    {
        var node = request.Node;
        Directory.CreateDirectory(node.DataDirectory);
        var psi = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
            WorkingDirectory = node.DataDirectory,
        };
        // sh replaces itself with the node (exec), so the process id we get is the node's own.
        psi.ArgumentList.Add("sh");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$0\" \"$@\" >>\"$NODE_LOG\" 2>&1 </dev/null");
        psi.ArgumentList.Add(request.Launch.Executable);
        foreach (var argument in request.Launch.Arguments)
        {
            psi.ArgumentList.Add(argument);
        }
        psi.Environment["NODE_LOG"] = Path.Combine(node.DataDirectory, LogFile);
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in request.Launch.Environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {request.Launch.Executable}.");
        _children[process.Id] = process;
        logger.LogInformation("Started node {Node} of network {Network} as process {Pid}", node.Name, request.Network.Name, process.Id);
        await WaitUntilExecutedAsync(process, request.Launch.Executable, node.DataDirectory, ct);
        return process.Id;
    }

    /// <summary>
    /// The process execs twice before it is the node: setsid into sh, then sh into the node. Until then its
    /// command line is the portal's (right after fork), setsid's or sh's, and while an exec is under way
    /// /proc/&lt;pid&gt;/cmdline reads empty, so a liveness check in that window would call a starting node "exited".
    /// Wait until the node itself runs (its executable first on the command line, its data folder in the
    /// arguments), or the process ends, before handing the id out.
    /// </summary>
    private static async Task WaitUntilExecutedAsync(Process process, string executable, string dataDirectory, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (!process.HasExited && waited.Elapsed < ExecTimeout && !IsNode(ProcessSignals.CommandLine(process.Id), executable, dataDirectory))
        {
            await Task.Delay(10, ct);
        }
    }

    internal static bool IsNode(string commandLine, string executable, string dataDirectory) =>
        commandLine.StartsWith(executable + " ", StringComparison.Ordinal) && commandLine.Contains(dataDirectory, StringComparison.Ordinal);

    public async Task StopAsync(NetworkNode node, TimeSpan grace, CancellationToken ct)
    {
        if (node.ProcessId is not { } pid || !IsRunning(node))
        {
            Forget(node.ProcessId);
            return;
        }
        // SIGTERM lets the node dump its chain state; SIGKILL only if it does not exit in time.
        ProcessSignals.Terminate(pid);
        var deadline = Stopwatch.StartNew();
        while (IsRunning(node) && deadline.Elapsed < grace)
        {
            await Task.Delay(50, ct);
        }
        if (IsRunning(node))
        {
            logger.LogWarning("Node {Node} did not stop within {Grace}; killing process {Pid}", node.Name, grace, pid);
            ProcessSignals.Kill(pid);
            while (IsRunning(node) && deadline.Elapsed < grace + TimeSpan.FromSeconds(5))
            {
                await Task.Delay(50, ct);
            }
        }
        Forget(pid);
    }

    /// <summary>The process exists, is not a zombie, and is this node's (its command line names the node's data folder).</summary>
    public bool IsRunning(NetworkNode node) =>
        node.ProcessId is { } pid && ProcessSignals.IsAlive(pid) && ProcessSignals.CommandLine(pid).Contains(node.DataDirectory, StringComparison.Ordinal);

    public IReadOnlyList<string> RecentLogLines(NetworkNode node, int max) =>
        NodeLogFile.Tail(Path.Combine(node.DataDirectory, LogFile), max);

    /// <summary>Keeps node logs bounded: past 10 MiB the log is copied to node.log.1 and truncated in place.</summary>
    public static void RotateLog(NetworkNode node) => NodeLogFile.RotateIfLarger(Path.Combine(node.DataDirectory, LogFile), RotateAtBytes);

    private void Forget(int? pid)
    {
        if (pid is { } id && _children.TryRemove(id, out var process))
        {
            process.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var process in _children.Values)
        {
            process.Dispose();
        }
        _children.Clear();
    }
}
