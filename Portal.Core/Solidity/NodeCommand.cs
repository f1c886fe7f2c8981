using System.Diagnostics;
using System.Text;

namespace NutPortal.Core.Solidity;

/// <summary>Builds the sandboxed node command line for a solc worker.</summary>
internal static class NodeCommand
{
    private const string WorkerScript = "solc-worker.js";
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PermissionFlags = new();

    public static ProcessStartInfo Build(
        SolcInstallation installation, SolcInstallation? legacyWrapper, SolidityCompilerOptions options, string workDirectory)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Solidity", "node", WorkerScript);
        if (!File.Exists(script))
        {
            throw new SolidityCompilerException(SolidityFailure.WorkerFailed, $"Worker script missing: {script}");
        }
        var psi = new ProcessStartInfo(options.NodeExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add($"--max-old-space-size={options.MaxOldSpaceMegabytes}");
        psi.ArgumentList.Add("--no-warnings");
        if (options.UseNodePermissionModel)
        {
            // Read-only access to the compiler packages and the script; no writes, no child processes,
            // no worker threads, no native addons. Symlinked trees are allowed under both names.
            psi.ArgumentList.Add(PermissionFlag(options.NodeExecutable));
            var modules = Path.GetDirectoryName(installation.PackageDirectory)!;
            foreach (var path in new[] { modules, Path.GetDirectoryName(script)! }.SelectMany(WithRealPath).Distinct())
            {
                psi.ArgumentList.Add($"--allow-fs-read={path.TrimEnd('/')}/");
            }
        }
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(installation.PackageDirectory);
        if (legacyWrapper is not null)
        {
            psi.ArgumentList.Add(legacyWrapper.PackageDirectory);
        }
        // The compiler needs no environment: drop proxies, tokens and NODE_OPTIONS inherited from the host.
        psi.Environment.Clear();
        psi.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        psi.Environment["HOME"] = workDirectory;
        psi.Environment["TMPDIR"] = workDirectory;
        return psi;
    }

    /// <summary>Node 20-22 call it --experimental-permission; 23+ renamed it --permission.</summary>
    internal static string PermissionFlag(string nodeExecutable) =>
        PermissionFlags.GetOrAdd(nodeExecutable, node => NodeMajorVersion(node) >= 23 ? "--permission" : "--experimental-permission");

    private static int NodeMajorVersion(string node)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = process?.StandardOutput.ReadToEnd().Trim().TrimStart('v') ?? "";
            process?.WaitForExit(5000);
            return int.TryParse(text.Split('.')[0], out var major) ? major : 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0; // Starting the worker will report the missing executable.
        }
    }

    private static IEnumerable<string> WithRealPath(string path)
    {
        yield return Path.GetFullPath(path);
        var real = RealPath(path);
        if (real is not null)
        {
            yield return real;
        }
    }

    /// <summary>Resolves symlinks in every component, as node does before checking permissions.</summary>
    private static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                current = target.FullName;
            }
        }
        return current == full ? null : current;
    }
}
