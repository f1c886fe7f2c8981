using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Networks.Kubernetes;
using KubernetesException = NutPortal.Core.Networks.Kubernetes.KubernetesException;
using NutPortal.Core.Networks.Platforms;
using static NutPortal.Tests.Networks.Kubernetes.ManifestFixtures;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>The Kubernetes driver against <see cref="FakeKubernetesApi"/> (no cluster runs here).</summary>
public sealed class KubernetesNodeDriverTests
{
    private const string Selector = "app.kubernetes.io/instance=net-7f3a,nutportal.io/node=node-1";
    private static readonly Dictionary<string, string> Labels = new() { ["app.kubernetes.io/instance"] = "net-7f3a", ["nutportal.io/node"] = "node-1" };

    [Fact]
    public async Task Start_without_a_cluster_says_how_to_configure_one()
    {
        var driver = Driver(new KubernetesOptions { Namespace = "chains" });

        var error = await Assert.ThrowsAsync<KubernetesException>(() => driver.StartAsync(Request(), CancellationToken.None));

        Assert.Equal("No cluster configured: set Portal:Kubernetes:Kubeconfig, or download the manifests and apply them yourself.", error.Message);
    }

    [Fact]
    public async Task Start_applies_only_that_nodes_resources_waits_until_ready_and_records_its_address()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var request = Request();
        var name = KubernetesNames.NodeResourceName("Test net", "net-7f3a", "node-1");
        api.WatchEvents.Enqueue(("MODIFIED", KubernetesReadinessTests.StatefulSet(ready: 1, name)));

        var pid = await Driver(api.Options()).StartAsync(request, CancellationToken.None);

        Assert.Null(pid);
        var applied = api.Verbs("PATCH");
        Assert.Equal(4, applied.Count);
        Assert.All(applied, r => Assert.EndsWith("/" + name, r.Path, StringComparison.Ordinal));
        Assert.All(applied, r => Assert.Equal("node-1", KubernetesJson.Deserialize<V1ConfigMap>(r.Body).Metadata.Labels["nutportal.io/node"]));
        Assert.Equal(["GET", "GET"], api.Requests.Skip(4).Select(r => r.Verb));
        Assert.Contains("watch=true", api.Requests[5].Query, StringComparison.Ordinal);
        Assert.Equal($"{name}.chains.svc", request.Node.Host);
        Assert.Equal(8545, request.Node.Port);
        Assert.Equal($"http://{name}.chains.svc:8545", request.Node.RpcUrl);
    }

    [Fact]
    public async Task Start_fails_with_the_readiness_timeout_when_the_pod_never_gets_ready()
    {
        await using var api = await FakeKubernetesApi.StartAsync();

        var error = await Assert.ThrowsAsync<KubernetesException>(() => Driver(api.Options(readyTimeoutSeconds: 1)).StartAsync(Request(), CancellationToken.None));

        Assert.Matches("^StatefulSet chains/test-net-node-1-[0-9a-f]{8} did not become ready within 1 s", error.Message);
    }

    [Fact]
    public async Task Stop_scales_the_nodes_statefulset_to_zero_then_deletes_its_pod_with_the_grace_period()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Put("/apis/apps/v1/namespaces/chains/statefulsets/set-1", KubernetesReadinessTests.StatefulSet(ready: 1, "set-1", Labels));
        api.Put("/apis/apps/v1/namespaces/chains/statefulsets/other", KubernetesReadinessTests.StatefulSet(ready: 1, "other"));
        api.Put("/api/v1/namespaces/chains/pods/set-1-0", Pod("set-1-0"));

        await Driver(api.Options()).StopAsync(Request().Node, TimeSpan.FromSeconds(5), CancellationToken.None);

        var list = api.Requests[0];
        Assert.Equal(("GET", "/apis/apps/v1/namespaces/chains/statefulsets"), (list.Verb, list.Path));
        Assert.Contains("labelSelector=" + Uri.EscapeDataString(Selector), list.Query, StringComparison.OrdinalIgnoreCase);
        var scale = api.Requests[1];
        Assert.Equal(("PATCH", "/apis/apps/v1/namespaces/chains/statefulsets/set-1/scale"), (scale.Verb, scale.Path));
        Assert.StartsWith("application/merge-patch+json", scale.ContentType, StringComparison.Ordinal);
        Assert.Equal(0, JsonNode.Parse(scale.Body)!["spec"]!["replicas"]!.GetValue<int>());
        var delete = api.Requests[2];
        Assert.Equal(("DELETE", "/api/v1/namespaces/chains/pods"), (delete.Verb, delete.Path));
        Assert.Contains("gracePeriodSeconds=5", delete.Query, StringComparison.Ordinal);
        Assert.False(api.Has("/api/v1/namespaces/chains/pods/set-1-0"));
        Assert.Equal(1, api.Object("/apis/apps/v1/namespaces/chains/statefulsets/other")["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Deleting_a_network_removes_every_node_resource_but_not_the_namespace_and_can_be_repeated()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var options = api.Options(createNamespace: true);
        var request = Request();
        await new KubernetesApplier(Cluster(options)).ApplyAsync(new KubernetesManifestRenderer().Resources(request.Network, request.Profile, Anvil, options), CancellationToken.None);
        var applied = api.Verbs("PATCH").Select(r => r.Path).ToList();

        await Driver(options).DeleteNetworkAsync(request.Network, request.Profile, CancellationToken.None);
        await Driver(options).DeleteNetworkAsync(request.Network, request.Profile, CancellationToken.None);

        Assert.Equal(9, applied.Count);
        Assert.True(api.Has("/api/v1/namespaces/chains"));
        Assert.All(applied.Skip(1), p => Assert.False(api.Has(p)));
        Assert.Equal(16, api.Verbs("DELETE").Count);
        Assert.DoesNotContain(api.Verbs("DELETE"), r => r.Path == "/api/v1/namespaces/chains");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public async Task Running_means_a_ready_replica(int ready, bool running)
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Put("/apis/apps/v1/namespaces/chains/statefulsets/set-1", KubernetesReadinessTests.StatefulSet(ready, "set-1", Labels));

        Assert.Equal(running, Driver(api.Options()).IsRunning(Request().Node));
    }

    [Fact]
    public async Task An_api_error_while_checking_counts_as_not_running()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Failures[("GET", "/apis/apps/v1/namespaces/chains/statefulsets")] = (500, "etcdserver: leader changed");

        Assert.False(Driver(api.Options()).IsRunning(Request().Node));
    }

    [Fact]
    public async Task Log_lines_are_the_tail_of_the_node_containers_log()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Put("/api/v1/namespaces/chains/pods/set-1-0", Pod("set-1-0"));
        api.PodLogs["/api/v1/namespaces/chains/pods/set-1-0"] = "Listening on 0.0.0.0:8545\nBlock Number: 1\nBlock Number: 2\n";

        var lines = Driver(api.Options()).RecentLogLines(Request().Node, 2);

        Assert.Equal(["Block Number: 1", "Block Number: 2"], lines);
        var read = api.Requests.Single(r => r.Path.EndsWith("/log", StringComparison.Ordinal));
        Assert.Contains("container=node", read.Query, StringComparison.Ordinal);
        Assert.Contains("tailLines=2", read.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_without_a_pod_says_so_in_its_log()
    {
        await using var api = await FakeKubernetesApi.StartAsync();

        Assert.Equal("node-1 has no pod in namespace chains (stopped, or not started yet).", Assert.Single(Driver(api.Options()).RecentLogLines(Request().Node, 5)));
    }

    [Fact]
    public void Without_a_cluster_a_node_is_not_running_and_its_log_says_why()
    {
        var driver = Driver(new KubernetesOptions());

        Assert.False(driver.IsRunning(Request().Node));
        Assert.StartsWith("No cluster configured", Assert.Single(driver.RecentLogLines(Request().Node, 10)), StringComparison.Ordinal);
    }

    private static JsonObject Pod(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "chains", ["labels"] = new JsonObject([.. Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]) },
    };

    private static KubernetesNodeDriver Driver(KubernetesOptions options)
    {
        var cluster = Cluster(options);
        return new KubernetesNodeDriver(new KubernetesManifestRenderer(), new KubernetesApplier(cluster), new KubernetesReadiness(cluster), cluster, [Anvil],
            NullLogger<KubernetesNodeDriver>.Instance);
    }

    private static NodeStartRequest Request()
    {
        var network = Network(nodes: ["node-0", "node-1"]);
        var profile = Profile();
        var node = network.Nodes[1];
        return new NodeStartRequest(network, node, profile, Anvil.CreateLaunch(profile, new NodeLaunchContext(node.Name, "127.0.0.1", 18545, "/tmp/x")));
    }
}
