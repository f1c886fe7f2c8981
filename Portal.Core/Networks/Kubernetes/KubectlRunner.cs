using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>What one kubectl command printed and how it exited.</summary>
public sealed record KubectlResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs kubectl with the configured kubeconfig and context, feeding stdin and capturing both outputs,
/// and kills it when it overruns the timeout (an unreachable API server otherwise hangs for minutes).
/// </summary>
public sealed partial class KubectlRunner(IOptions<KubernetesOptions> options)
{
    public KubernetesOptions Options => options.Value;

    /// <summary>Runs kubectl; a missing kubectl or a timeout throws, a non-zero exit is returned.</summary>
    public async Task<KubectlResult> RunAsync(IReadOnlyList<string> arguments, string? stdin, TimeSpan? timeout, CancellationToken ct)
    {
        var o = Options;
        var psi = new ProcessStartInfo(o.KubectlPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (!string.IsNullOrWhiteSpace(o.Kubeconfig))
        {
            psi.ArgumentList.Add($"--kubeconfig={o.Kubeconfig}");
        }
        if (!string.IsNullOrWhiteSpace(o.Context))
        {
            psi.ArgumentList.Add($"--context={o.Context}");
        }
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            // ENOENT (2) is the usual case; anything else (not executable, say) keeps the system's reason.
            throw new KubernetesException(
                e.NativeErrorCode == 2 ? $"kubectl not found at '{o.KubectlPath}'" : $"kubectl at '{o.KubectlPath}' could not be started ({e.Message})",
                $"install it or set {KubernetesOptions.Section}:KubectlPath.", e);
        }

        var limit = timeout ?? o.CommandTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(limit);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            await WriteInputAsync(process, stdin, cts.Token);
            await process.WaitForExitAsync(cts.Token);
            return new KubectlResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            Kill(process);
            throw new KubernetesException(
                $"kubectl {Verb(arguments)} did not finish within {limit.TotalSeconds:0} s",
                $"check that the cluster is reachable (kubectl cluster-info with the same kubeconfig), or raise {KubernetesOptions.Section}:CommandTimeoutSeconds.");
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Runs kubectl and throws, with kubectl's own error text, when it exits non-zero.</summary>
    public async Task<KubectlResult> RunCheckedAsync(IReadOnlyList<string> arguments, string? stdin, TimeSpan? timeout, CancellationToken ct)
    {
        var result = await RunAsync(arguments, stdin, timeout, ct);
        if (result.ExitCode != 0)
        {
            var detail = Detail(result.StandardError) is { Length: > 0 } error ? error : result.StandardOutput.Trim();
            throw new KubernetesException(
                $"kubectl {Verb(arguments)} failed (exit code {result.ExitCode}): {Shorten(detail)}",
                $"check the cluster and the rights of the kubeconfig ({KubernetesOptions.Section}:Kubeconfig, :Context), or download the manifests and apply them yourself.");
        }
        return result;
    }

    private static async Task WriteInputAsync(Process process, string? stdin, CancellationToken ct)
    {
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), ct);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // kubectl exited before reading its input (bad flags, say): its exit code and stderr tell why.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>kubectl's message without its internal log lines (<c>E1122 10:00:00.000 memcache.go:265] ...</c>).</summary>
    private static string Detail(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var messages = lines.Where(l => !KlogLine().IsMatch(l)).ToArray();
        return string.Join(" ", messages.Length > 0 ? messages : lines);
    }

    [GeneratedRegex(@"^[IWEF]\d{4} \d{2}:\d{2}:\d{2}")]
    private static partial Regex KlogLine();

    private static string Verb(IReadOnlyList<string> arguments) => arguments.Count > 0 ? arguments[0] : "";

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + " ...";
}
