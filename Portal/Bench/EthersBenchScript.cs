using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using NutPortal.Core.Tooling;

namespace NutPortal.Web.Bench;

/// <summary>Runs Portal/Bench/ethers-bench.mjs with the bench inputs on standard input and parses its answer.</summary>
internal static class EthersBenchScript
{
    private const string RelativePath = "Portal/Bench/ethers-bench.mjs";

    public static async Task<JsonObject> RunAsync(JsonObject input, CancellationToken ct)
    {
        var root = RepositoryLayout.NodeProjectRoot
            ?? throw new InvalidOperationException("node_modules not found: run `npm ci` in the repository root.");
        var psi = new ProcessStartInfo("node", Path.Combine(root, RelativePath))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root, // ethers resolves from the repository's node_modules
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {RelativePath} exited with {process.ExitCode}: {await stderr}");
        }
        return JsonNode.Parse(await stdout)?.AsObject() ?? throw new InvalidOperationException($"node {RelativePath} printed nothing");
    }
}
