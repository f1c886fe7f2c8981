using System.Diagnostics;
using System.Text;
using NutPortal.Core.Tooling;

namespace NutPortal.Tests.Infrastructure;

/// <summary>
/// Runs a Node script from the repository (an independent peer such as ethers) with JSON on standard input
/// and returns its standard output. Scripts resolve packages from the repository's node_modules.
/// </summary>
public static class NodeScript
{
    public static string RepoRoot =>
        RepositoryLayout.NodeProjectRoot ?? throw new InvalidOperationException(
            "node_modules not found: run `npm ci` in the repository root.");

    /// <summary>Runs <paramref name="relativePath"/> (relative to the repository root) and returns stdout.</summary>
    public static async Task<string> RunAsync(string relativePath, string stdin, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo("node", Path.Combine(RepoRoot, relativePath))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {relativePath} did not finish in time");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {relativePath} exited {process.ExitCode}: {await stderr}");
        }
        return await stdout;
    }
}
