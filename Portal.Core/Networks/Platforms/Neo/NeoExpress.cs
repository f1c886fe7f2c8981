using System.Diagnostics;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// The neo-express 3.5.20 tool restored from the repository's tool manifest (<c>dotnet tool restore</c>): its
/// assembly is run with <c>dotnet</c> directly, rolled forward to the installed runtime (it targets .NET 6), with
/// HOME set to the node's folder so its chain data lives there.
/// </summary>
public static class NeoExpress
{
    public const string Version = "3.5.20";
    public const string InstallCommand = "dotnet tool restore (the repository's .config/dotnet-tools.json lists neo.express " + Version + "; it also needs apt-get install -y libsnappy1v5)";

    public static string AssemblyPath
    {
        get
        {
            var packages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            return Path.Combine(packages, "neo.express", Version, "tools", "net6.0", "any", "neoxp.dll");
        }
    }

    public static IReadOnlyDictionary<string, string> ProcessEnvironment(string home) =>
        new Dictionary<string, string> { ["HOME"] = home, ["DOTNET_ROLL_FORWARD"] = "Major" };

    public static void EnsureInstalled()
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new NodeStartException($"neo-express {Version} is not installed (no {AssemblyPath}).", "Install it: " + InstallCommand + ".");
        }
    }

    /// <summary>Runs one neoxp command to completion (create, reset) and returns its output; a non-zero exit becomes a step error.</summary>
    public static async Task<string> RunAsync(string home, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        EnsureInstalled();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = home };
        psi.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in ProcessEnvironment(home))
        {
            psi.Environment[key] = value;
        }
        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi) ?? throw new NodeStartException("Could not run neo-express.", "Install it: " + InstallCommand + ".");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new NodeStartException($"neoxp {arguments[0]} did not finish within 60 s.", "The machine may be overloaded; try again.");
        }
        var text = (await output) + (await error);
        if (process.ExitCode != 0)
        {
            throw new NodeStartException($"neoxp {arguments[0]} failed: {text.Trim()}", "Check that neo-express runs here: " + InstallCommand + ".");
        }
        return text;
    }
}
