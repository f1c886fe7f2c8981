using System.Diagnostics;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// The neo-express 3.5.20 tool restored from the repository's tool manifest (<c>dotnet tool restore</c>): its
/// assembly is run with <c>dotnet</c> directly, rolled forward to the installed runtime (it targets .NET 6), with
/// HOME set to the node's folder so its chain data lives there. <c>Portal:Networks:NeoExpressPath</c> names another
/// neoxp.dll; a missing one fails the step that needs it with the install command.
/// </summary>
public sealed class NeoExpress(string assemblyPath)
{
    public const string Version = "3.5.20";
    public const string InstallCommand = "dotnet tool restore (the repository's .config/dotnet-tools.json lists neo.express " + Version + "; it also needs apt-get install -y libsnappy1v5)";

    /// <summary>The tool where <c>dotnet tool restore</c> puts it (tests run neoxp commands of their own with it).</summary>
    public static NeoExpress Restored { get; } = new(RestoredAssemblyPath);

    public string AssemblyPath => assemblyPath;

    /// <summary>The NuGet package folder's copy (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
    public static string RestoredAssemblyPath
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

    public static NeoExpress From(NetworkOptions options) =>
        new(string.IsNullOrWhiteSpace(options.NeoExpressPath) ? RestoredAssemblyPath : options.NeoExpressPath);

    public void EnsureInstalled()
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new NodeStartException($"neo-express {Version} is not installed (no {AssemblyPath}).",
                "Install it: " + InstallCommand + " (or set Portal:Networks:NeoExpressPath to its neoxp.dll).");
        }
    }

    /// <summary>Runs one neoxp command to completion (create, reset) and returns its output; a non-zero exit becomes a step error.</summary>
    public Task<string> RunAsync(string home, IReadOnlyList<string> arguments, CancellationToken ct) =>
        RunAsync(home, arguments, null, ct);

    /// <summary>
    /// The same for a command that asks for a password (<c>wallet export</c>): neoxp reads it from a terminal only, so
    /// the command runs under util-linux <c>script</c>, which gives it one and passes <paramref name="terminalInput"/>.
    /// </summary>
    public async Task<string> RunAsync(string home, IReadOnlyList<string> arguments, string? terminalInput, CancellationToken ct)
    {
        EnsureInstalled();
        var psi = new ProcessStartInfo(terminalInput is null ? "dotnet" : "script")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = terminalInput is not null, WorkingDirectory = home,
        };
        if (terminalInput is null)
        {
            psi.ArgumentList.Add(AssemblyPath);
            foreach (var argument in arguments)
            {
                psi.ArgumentList.Add(argument);
            }
        }
        else
        {
            psi.ArgumentList.Add("-qec");
            psi.ArgumentList.Add(string.Join(' ', new[] { "dotnet", AssemblyPath }.Concat(arguments).Select(ShellQuote)));
            psi.ArgumentList.Add("/dev/null");
        }
        foreach (var (key, value) in ProcessEnvironment(home))
        {
            psi.Environment[key] = value;
        }
        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi) ?? throw new NodeStartException("Could not run neo-express.", "Install it: " + InstallCommand + ".");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        if (terminalInput is not null)
        {
            await process.StandardInput.WriteAsync(terminalInput.AsMemory(), ct);
            await process.StandardInput.FlushAsync(ct);
        }
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
        // A terminal echoes what it is given: output that may hold a password is not repeated in errors.
        var text = terminalInput is null ? (await output) + (await error) : "(output not shown: the command was given a password)";
        if (process.ExitCode != 0)
        {
            throw new NodeStartException($"neoxp {arguments[0]} failed: {text.Trim()}", "Check that neo-express runs here: " + InstallCommand + ".");
        }
        return text;
    }

    private static string ShellQuote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
