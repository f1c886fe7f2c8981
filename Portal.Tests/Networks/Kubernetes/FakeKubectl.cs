using System.Text;
using Microsoft.Extensions.Options;
using NutPortal.Core.Networks.Kubernetes;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>
/// A stand-in kubectl (a shell script) that records its arguments and stdin and answers with a fixed
/// output and exit code. Allowed here because no cluster can exist on the test machine.
/// </summary>
internal sealed class FakeKubectl : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nutportal-kubectl-").FullName;

    public FakeKubectl(string stdout = "", string stderr = "", int exitCode = 0, int sleepSeconds = 0)
    {
        Path = System.IO.Path.Combine(_dir, "kubectl");
        Kubeconfig = System.IO.Path.Combine(_dir, "kubeconfig");
        File.WriteAllText(Kubeconfig, "apiVersion: v1\nkind: Config\n");
        var script = new StringBuilder("#!/bin/sh\n")
            .Append($"for a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '{_dir}/args.log'\n")
            .Append($"echo '--end--' >> '{_dir}/args.log'\n")
            .Append($"cat >> '{_dir}/stdin.log'\n")
            .Append(sleepSeconds > 0 ? $"sleep {sleepSeconds}\n" : "")
            .Append($"printf '%s' '{stdout}'\n")
            .Append($"printf '%s' '{stderr}' >&2\n")
            .Append($"exit {exitCode}\n");
        File.WriteAllText(Path, script.ToString());
        // A shell script stands in for kubectl: these tests run on Unix only, like the portal's node drivers.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    public string Kubeconfig { get; }

    /// <summary>The argument lists of every call, in order.</summary>
    public List<List<string>> Calls => !File.Exists(System.IO.Path.Combine(_dir, "args.log")) ? [] :
        File.ReadAllText(System.IO.Path.Combine(_dir, "args.log"))
            .Split("--end--\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.TrimEnd('\n').Split('\n').ToList())
            .ToList();

    public string Stdin => File.Exists(System.IO.Path.Combine(_dir, "stdin.log")) ? File.ReadAllText(System.IO.Path.Combine(_dir, "stdin.log")) : "";

    public KubernetesOptions Options(bool configured = true) => new()
    {
        KubectlPath = Path,
        Kubeconfig = configured ? Kubeconfig : null,
        Context = "test-context",
        Namespace = "chains",
    };

    public static KubectlRunner Runner(KubernetesOptions options) => new(Microsoft.Extensions.Options.Options.Create(options));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
