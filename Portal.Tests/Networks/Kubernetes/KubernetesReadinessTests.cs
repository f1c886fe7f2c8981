using System.Text.Json.Nodes;
using NutPortal.Core.Networks.Kubernetes;
using static NutPortal.Tests.Networks.Kubernetes.ManifestFixtures;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>Waiting for a node's StatefulSet through reads and a watch, against <see cref="FakeKubernetesApi"/>.</summary>
public sealed class KubernetesReadinessTests
{
    private const string SetPath = "/apis/apps/v1/namespaces/chains/statefulsets/node-a";

    [Fact]
    public async Task A_ready_statefulset_is_seen_with_one_read()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Put(SetPath, StatefulSet(ready: 1));

        await Readiness(api).WaitForStatefulSetAsync("chains", "node-a", TimeSpan.FromSeconds(30), CancellationToken.None);

        var read = Assert.Single(api.Requests);
        Assert.Equal(("GET", SetPath), (read.Verb, read.Path));
    }

    [Fact]
    public async Task Readiness_arriving_on_the_watch_ends_the_wait()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Put(SetPath, StatefulSet(ready: 0));
        api.WatchEvents.Enqueue(("MODIFIED", StatefulSet(ready: 0)));
        api.WatchEvents.Enqueue(("MODIFIED", StatefulSet(ready: 1)));

        await Readiness(api).WaitForStatefulSetAsync("chains", "node-a", TimeSpan.FromSeconds(30), CancellationToken.None);

        var watch = api.Requests[1];
        Assert.Equal("/apis/apps/v1/namespaces/chains/statefulsets", watch.Path);
        Assert.Contains("watch=true", watch.Query, StringComparison.Ordinal);
        Assert.Contains("fieldSelector=metadata.name%3Dnode-a", watch.Query, StringComparison.Ordinal);
        Assert.Contains("resourceVersion=7", watch.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statefulset_that_never_gets_ready_fails_at_the_timeout_naming_it_and_the_setting()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Put(SetPath, StatefulSet(ready: 0));

        var error = await Assert.ThrowsAsync<KubernetesException>(() =>
            Readiness(api).WaitForStatefulSetAsync("chains", "node-a", TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.StartsWith("StatefulSet chains/node-a did not become ready within 1 s (0 of 1 replica(s) ready)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Portal:Kubernetes:ReadyTimeoutSeconds", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_statefulset_deleted_while_waiting_is_an_error()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        api.Put(SetPath, StatefulSet(ready: 0));
        api.WatchEvents.Enqueue(("DELETED", StatefulSet(ready: 0)));

        var error = await Assert.ThrowsAsync<KubernetesException>(() =>
            Readiness(api).WaitForStatefulSetAsync("chains", "node-a", TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.StartsWith("StatefulSet chains/node-a was deleted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_statefulset_is_named_with_the_api_answer()
    {
        await using var api = await FakeKubernetesApi.StartAsync();

        var error = await Assert.ThrowsAsync<KubernetesException>(() =>
            Readiness(api).WaitForStatefulSetAsync("chains", "node-a", TimeSpan.FromSeconds(30), CancellationToken.None));

        Assert.StartsWith("Could not watch StatefulSet chains/node-a: the API server answered 404 NotFound", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A StatefulSet as the API server returns it once its controller has seen generation 1.</summary>
    public static JsonObject StatefulSet(int ready, string name = "node-a", Dictionary<string, string>? labels = null) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "StatefulSet",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "chains",
            ["resourceVersion"] = "7",
            ["generation"] = 1,
            ["labels"] = new JsonObject([.. (labels ?? []).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]),
        },
        ["spec"] = new JsonObject { ["replicas"] = 1 },
        ["status"] = new JsonObject { ["replicas"] = 1, ["readyReplicas"] = ready, ["observedGeneration"] = 1 },
    };

    private static KubernetesReadiness Readiness(FakeKubernetesApi api) => new(Cluster(api.Options()));
}
