using System.Diagnostics;
using NutPortal.Core.Solidity;

namespace NutPortal.Tests.Solidity;

/// <summary>Runs a snippet under exactly the node flags a solc worker gets.</summary>
internal static class NodeCommandProbe
{
    public static ProcessStartInfo Build(SolidityCompilerOptions options)
    {
        var installation = new SolcCatalog(null).Installations[0];
        var dir = Directory.CreateTempSubdirectory("nutportal-probe-").FullName;
        return NodeCommand.Build(installation, null, options, dir);
    }

    public static async Task<string> RunAsync(ProcessStartInfo worker, string code)
    {
        var psi = new ProcessStartInfo(worker.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = worker.WorkingDirectory,
        };
        foreach (var arg in worker.ArgumentList.TakeWhile(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            psi.ArgumentList.Add(arg);
        }
        psi.ArgumentList.Add("-p");
        psi.ArgumentList.Add(code);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Directory.Delete(worker.WorkingDirectory, recursive: true);
        return await stdout + await stderr;
    }
}
