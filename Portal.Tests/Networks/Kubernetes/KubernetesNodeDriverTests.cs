using Microsoft.Extensions.Logging.Abstractions;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms;
using static NutPortal.Tests.Networks.Kubernetes.ManifestFixtures;

namespace NutPortal.Tests.Networks.Kubernetes;

public sealed class KubernetesNodeDriverTests
{
    private const string Selector = "app.kubernetes.io/instance=net-7f3a,nutportal.io/node=node-1";

    [Fact]
    public async Task Start_without_a_cluster_says_how_to_configure_one_and_runs_nothing()
    {
        using var kubectl = new FakeKubectl();
        var driver = Driver(kubectl.Options(configured: false));

        var error = await Assert.ThrowsAsync<KubernetesException>(() => driver.StartAsync(Request(), CancellationToken.None));

        Assert.Equal("No cluster configured: set Portal:Kubernetes:Kubeconfig, or download the manifests and apply them yourself.", error.Message);
        Assert.Empty(kubectl.Calls);
    }

    [Fact]
    public async Task Start_applies_only_that_nodes_documents_and_records_its_address()
    {
        using var kubectl = new FakeKubectl();
        var request = Request();

        var pid = await Driver(kubectl.Options()).StartAsync(request, CancellationToken.None);

        Assert.Null(pid);
        Assert.Equal(["apply", "-f", "-"], Assert.Single(kubectl.Calls).Skip(2));
        var documents = ManifestYaml.Documents(kubectl.Stdin);
        Assert.Equal(["ConfigMap", "PersistentVolumeClaim", "Service", "StatefulSet"], documents.Select(Kind));
        Assert.All(documents, d => Assert.Equal("node-1", ManifestYaml.Path(d, "metadata|labels|nutportal.io/node")));
        var name = Name(documents[0]);
        Assert.Equal($"{name}.chains.svc", request.Node.Host);
        Assert.Equal(8545, request.Node.Port);
        Assert.Equal($"http://{name}.chains.svc:8545", request.Node.RpcUrl);
    }

    [Fact]
    public async Task Stop_scales_to_zero_then_deletes_the_pod_with_the_grace_period()
    {
        using var kubectl = new FakeKubectl();

        await Driver(kubectl.Options()).StopAsync(Request().Node, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(2, kubectl.Calls.Count);
        Assert.Equal(["scale", "statefulset", "--namespace", "chains", "-l", Selector, "--replicas=0"], kubectl.Calls[0].Skip(2));
        Assert.Equal(["delete", "pod", "--namespace", "chains", "-l", Selector, "--grace-period=5", "--ignore-not-found=true", "--wait=true"], kubectl.Calls[1].Skip(2));
    }

    [Theory]
    [InlineData("1", 0, true)]
    [InlineData("", 0, false)]
    [InlineData("0", 0, false)]
    [InlineData("1", 1, false)]
    public void Running_means_a_ready_replica(string stdout, int exitCode, bool running)
    {
        using var kubectl = new FakeKubectl(stdout: stdout, exitCode: exitCode);

        Assert.Equal(running, Driver(kubectl.Options()).IsRunning(Request().Node));
        Assert.Equal(["get", "statefulset", "--namespace", "chains", "-l", Selector, "-o", "jsonpath={.items[*].status.readyReplicas}", "--request-timeout=10s"], Assert.Single(kubectl.Calls).Skip(2));
    }

    [Fact]
    public void Log_lines_come_from_kubectl_logs_with_a_tail()
    {
        using var kubectl = new FakeKubectl(stdout: "Listening on 0.0.0.0:8545\nBlock Number: 1\nBlock Number: 2\n");

        var lines = Driver(kubectl.Options()).RecentLogLines(Request().Node, 2);

        Assert.Equal(["Block Number: 1", "Block Number: 2"], lines);
        Assert.Equal(["logs", "--namespace", "chains", "-l", Selector, "--tail=2", "--container=node", "--request-timeout=10s"], Assert.Single(kubectl.Calls).Skip(2));
    }

    [Fact]
    public void Without_a_cluster_a_node_is_not_running_and_its_log_says_why()
    {
        using var kubectl = new FakeKubectl();
        var driver = Driver(kubectl.Options(configured: false));

        Assert.False(driver.IsRunning(Request().Node));
        Assert.StartsWith("No cluster configured", Assert.Single(driver.RecentLogLines(Request().Node, 10)), StringComparison.Ordinal);
        Assert.Empty(kubectl.Calls);
    }

    private static KubernetesNodeDriver Driver(KubernetesOptions options)
    {
        var runner = FakeKubectl.Runner(options);
        return new KubernetesNodeDriver(new KubernetesManifestRenderer(), new KubectlApplier(runner), runner, [Anvil], NullLogger<KubernetesNodeDriver>.Instance);
    }

    private static NodeStartRequest Request()
    {
        var network = Network(nodes: ["node-0", "node-1"]);
        var profile = Profile();
        var node = network.Nodes[1];
        return new NodeStartRequest(network, node, profile, Anvil.CreateLaunch(profile, new NodeLaunchContext(node.Name, "127.0.0.1", 18545, "/tmp/x")));
    }
}
