using System.Diagnostics;
using NutPortal.Core.Networks.Kubernetes;

namespace NutPortal.Tests.Networks.Kubernetes;

public sealed class KubectlApplierTests
{
    private const string Yaml = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

    [Fact]
    public async Task Apply_pipes_the_manifests_to_kubectl_with_the_configured_kubeconfig_and_context()
    {
        using var kubectl = new FakeKubectl(stdout: "configmap/x created");
        var applier = new KubectlApplier(FakeKubectl.Runner(kubectl.Options()));

        var output = await applier.ApplyAsync(Yaml, CancellationToken.None);

        Assert.Equal("configmap/x created", output);
        var call = Assert.Single(kubectl.Calls);
        Assert.Equal([$"--kubeconfig={kubectl.Kubeconfig}", "--context=test-context", "apply", "-f", "-"], call);
        Assert.Equal(Yaml, kubectl.Stdin);
    }

    [Fact]
    public async Task Delete_pipes_the_manifests_to_kubectl_delete()
    {
        using var kubectl = new FakeKubectl();
        var applier = new KubectlApplier(FakeKubectl.Runner(kubectl.Options()));

        await applier.DeleteAsync(Yaml, CancellationToken.None);

        Assert.Equal(["delete", "--ignore-not-found=true", "-f", "-"], Assert.Single(kubectl.Calls).Skip(2));
        Assert.Equal(Yaml, kubectl.Stdin);
    }

    [Fact]
    public async Task Delete_refuses_a_namespace_document()
    {
        using var kubectl = new FakeKubectl();
        var applier = new KubectlApplier(FakeKubectl.Runner(kubectl.Options()));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => applier.DeleteAsync("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: nutportal\n" + Yaml, CancellationToken.None));
        Assert.Contains("RenderForDeletion", error.Message, StringComparison.Ordinal);
        Assert.Empty(kubectl.Calls);
    }

    [Fact]
    public async Task A_non_zero_exit_says_what_kubectl_said_and_what_to_do()
    {
        using var kubectl = new FakeKubectl(stderr: "error: You must be logged in to the server (Unauthorized)", exitCode: 1);
        var applier = new KubectlApplier(FakeKubectl.Runner(kubectl.Options()));

        var error = await Assert.ThrowsAsync<KubernetesException>(() => applier.ApplyAsync(Yaml, CancellationToken.None));

        Assert.StartsWith("kubectl apply failed (exit code 1): error: You must be logged in to the server (Unauthorized)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Portal:Kubernetes:Kubeconfig", error.Hint, StringComparison.Ordinal);
        Assert.EndsWith(error.Hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubectl_internal_log_lines_are_left_out_of_the_message()
    {
        const string stderr = "E1122 02:57:09.092371   18200 memcache.go:265] \"Unhandled Error\" err=x\nThe connection to the server 10.0.0.1:6443 was refused - did you specify the right host or port?\n";
        using var kubectl = new FakeKubectl(stderr: stderr, exitCode: 1);
        var applier = new KubectlApplier(FakeKubectl.Runner(kubectl.Options()));

        var error = await Assert.ThrowsAsync<KubernetesException>(() => applier.ApplyAsync(Yaml, CancellationToken.None));

        Assert.StartsWith("kubectl apply failed (exit code 1): The connection to the server 10.0.0.1:6443 was refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("memcache", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_kubectl_names_the_setting_to_fix()
    {
        using var kubectl = new FakeKubectl();
        var options = kubectl.Options();
        options.KubectlPath = "/nonexistent/bin/kubectl";
        var applier = new KubectlApplier(FakeKubectl.Runner(options));

        var error = await Assert.ThrowsAsync<KubernetesException>(() => applier.ApplyAsync(Yaml, CancellationToken.None));

        Assert.Equal("kubectl not found at '/nonexistent/bin/kubectl': install it or set Portal:Kubernetes:KubectlPath.", error.Message);
    }

    [Fact]
    public async Task Without_a_cluster_nothing_runs_and_the_operator_is_told_the_options()
    {
        using var kubectl = new FakeKubectl();
        var applier = new KubectlApplier(FakeKubectl.Runner(kubectl.Options(configured: false)));

        var error = await Assert.ThrowsAsync<KubernetesException>(() => applier.ApplyAsync(Yaml, CancellationToken.None));

        Assert.Equal("No cluster configured: set Portal:Kubernetes:Kubeconfig, or download the manifests and apply them yourself.", error.Message);
        Assert.Empty(kubectl.Calls);
    }

    [Fact]
    public async Task A_kubeconfig_path_that_does_not_exist_is_named()
    {
        using var kubectl = new FakeKubectl();
        var options = kubectl.Options();
        options.Kubeconfig = "/nonexistent/kubeconfig";
        var applier = new KubectlApplier(FakeKubectl.Runner(options));

        var error = await Assert.ThrowsAsync<KubernetesException>(() => applier.ApplyAsync(Yaml, CancellationToken.None));

        Assert.Contains("'/nonexistent/kubeconfig' (Portal:Kubernetes:Kubeconfig) does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_kubectl_is_killed_at_the_timeout()
    {
        using var kubectl = new FakeKubectl(sleepSeconds: 30);
        var options = kubectl.Options();
        options.CommandTimeoutSeconds = 1;
        var applier = new KubectlApplier(FakeKubectl.Runner(options));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KubernetesException>(() => applier.ApplyAsync(Yaml, CancellationToken.None));

        Assert.StartsWith("kubectl apply did not finish within 1 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("Portal:Kubernetes:CommandTimeoutSeconds", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }
}
