using k8s;
using k8s.Models;
using NutPortal.Core.Networks.Kubernetes;
using KubernetesException = NutPortal.Core.Networks.Kubernetes.KubernetesException;
using static NutPortal.Tests.Networks.Kubernetes.ManifestFixtures;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>Apply and delete through the API client against <see cref="FakeKubernetesApi"/> (no cluster runs here).</summary>
public sealed class KubernetesApplierTests
{
    [Fact]
    public async Task Apply_sends_each_resource_as_a_server_side_apply_to_its_api_path_in_order()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var options = api.Options(createNamespace: true);
        var resources = Resources(options);
        var name = resources[1].Metadata.Name;

        await Applier(options).ApplyAsync(resources, CancellationToken.None);

        Assert.Equal(
        [
            "PATCH /api/v1/namespaces/chains",
            $"PATCH /api/v1/namespaces/chains/configmaps/{name}",
            $"PATCH /api/v1/namespaces/chains/persistentvolumeclaims/{name}",
            $"PATCH /api/v1/namespaces/chains/services/{name}",
            $"PATCH /apis/apps/v1/namespaces/chains/statefulsets/{name}",
        ], api.Requests.Select(r => $"{r.Verb} {r.Path}"));
        Assert.All(api.Requests, r =>
        {
            Assert.StartsWith("application/apply-patch+yaml", r.ContentType, StringComparison.Ordinal);
            Assert.Contains("fieldManager=nutportal", r.Query, StringComparison.Ordinal);
            Assert.Contains("force=true", r.Query, StringComparison.Ordinal);
            Assert.Equal("Bearer test-token", r.Authorization);
        });
        var set = KubernetesJson.Deserialize<V1StatefulSet>(api.Requests[4].Body);
        var container = Assert.Single(set.Spec.Template.Spec.Containers);
        Assert.Equal("ghcr.io/foundry-rs/foundry:v1.7.1", container.Image);
        Assert.Equal(8545, Assert.Single(container.Ports).ContainerPort);
        Assert.Equal("node-0", set.Spec.Template.Metadata.Labels["nutportal.io/node"]);
        Assert.Equal(name, set.Spec.Template.Spec.Volumes[0].PersistentVolumeClaim.ClaimName);
        var service = KubernetesJson.Deserialize<V1Service>(api.Requests[3].Body);
        Assert.Equal(8545, Assert.Single(service.Spec.Ports).Port);
        Assert.Equal(set.Spec.Selector.MatchLabels, service.Spec.Selector);
        Assert.Equal("31337", KubernetesJson.Deserialize<V1ConfigMap>(api.Requests[1].Body).Data["CHAIN_ID"]);
    }

    [Fact]
    public async Task Applying_again_updates_the_same_resources_in_place()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var options = api.Options();
        var resources = Resources(options);
        var setPath = $"/apis/apps/v1/namespaces/chains/statefulsets/{resources[0].Metadata.Name}";
        await Applier(options).ApplyAsync(resources, CancellationToken.None);
        var first = api.Object(setPath)["spec"]!.ToJsonString();

        await Applier(options).ApplyAsync(resources, CancellationToken.None);

        Assert.Equal(8, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.Equal("PATCH", r.Verb));
        Assert.Equal(api.Requests.Take(4).Select(r => r.Path), api.Requests.Skip(4).Select(r => r.Path));
        Assert.Equal(2L, api.Object(setPath)["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal(first, api.Object(setPath)["spec"]!.ToJsonString());
    }

    [Fact]
    public async Task A_forbidden_apply_names_the_resource_what_the_server_said_and_what_to_do()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var options = api.Options();
        var resources = Resources(options);
        var name = resources[0].Metadata.Name;
        api.Failures[("PATCH", $"/api/v1/namespaces/chains/services/{name}")] =
            (403, $"services \"{name}\" is forbidden: User \"tester\" cannot patch resource \"services\" in API group \"\" in the namespace \"chains\"");

        var error = await Assert.ThrowsAsync<KubernetesException>(() => Applier(options).ApplyAsync(resources, CancellationToken.None));

        Assert.StartsWith($"Could not apply Service chains/{name}: the API server answered 403 Forbidden: services \"{name}\" is forbidden: User \"tester\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("rights to apply Service", error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Requests, r => r.Path.Contains("statefulsets", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(500, "InternalServerError", "etcdserver: request timed out")]
    [InlineData(409, "Conflict", "Apply failed with 1 conflict: conflict with \"helm\" using apps/v1: .spec.replicas")]
    public async Task A_server_error_is_reported_with_its_status_and_message(int code, string reason, string message)
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var options = api.Options();
        var resources = Resources(options);
        var name = resources[0].Metadata.Name;
        api.Failures[("PATCH", $"/apis/apps/v1/namespaces/chains/statefulsets/{name}")] = (code, message);

        var error = await Assert.ThrowsAsync<KubernetesException>(() => Applier(options).ApplyAsync(resources, CancellationToken.None));

        Assert.StartsWith($"Could not apply StatefulSet chains/{name}: the API server answered {code} {reason}: {message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_the_resources_statefulset_first_and_deleting_again_is_fine()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var options = api.Options();
        var resources = Resources(options);
        var name = resources[0].Metadata.Name;
        await Applier(options).ApplyAsync(resources, CancellationToken.None);

        await Applier(options).DeleteAsync(resources, CancellationToken.None);
        await Applier(options).DeleteAsync(resources, CancellationToken.None);

        var deletes = api.Verbs("DELETE").Select(r => r.Path).ToList();
        Assert.Equal(
        [
            $"/apis/apps/v1/namespaces/chains/statefulsets/{name}",
            $"/api/v1/namespaces/chains/services/{name}",
            $"/api/v1/namespaces/chains/persistentvolumeclaims/{name}",
            $"/api/v1/namespaces/chains/configmaps/{name}",
        ], deletes.Take(4));
        Assert.Equal(deletes.Take(4), deletes.Skip(4));
        Assert.All(deletes.Take(4), p => Assert.False(api.Has(p)));
    }

    [Fact]
    public async Task Delete_refuses_a_namespace_and_sends_nothing()
    {
        await using var api = await FakeKubernetesApi.StartAsync();
        var options = api.Options(createNamespace: true);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Applier(options).DeleteAsync(Resources(options), CancellationToken.None));

        Assert.Contains("ResourcesForDeletion", error.Message, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Without_a_cluster_nothing_is_sent_and_the_operator_is_told_the_setting()
    {
        var options = new KubernetesOptions { Namespace = "chains" };

        var error = await Assert.ThrowsAsync<KubernetesException>(() => Applier(options).ApplyAsync(Resources(options), CancellationToken.None));

        Assert.Equal("No cluster configured: set Portal:Kubernetes:Kubeconfig, or download the manifests and apply them yourself.", error.Message);
    }

    [Fact]
    public async Task An_api_server_that_cannot_be_reached_is_named()
    {
        string kubeconfig;
        var options = new KubernetesOptions { Namespace = "chains" };
        await using (var api = await FakeKubernetesApi.StartAsync())
        {
            kubeconfig = await File.ReadAllTextAsync(api.Kubeconfig);
        }
        var path = System.IO.Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, kubeconfig);
            options.Kubeconfig = path;

            var error = await Assert.ThrowsAsync<KubernetesException>(() => Applier(options).ApplyAsync(Resources(options), CancellationToken.None));

            Assert.StartsWith("Could not apply ConfigMap chains/", error.Message, StringComparison.Ordinal);
            Assert.Contains("the API server cannot be reached", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Resources(KubernetesOptions options) =>
        new KubernetesManifestRenderer().Resources(Network(), Profile(), Anvil, options);

    private static KubernetesApplier Applier(KubernetesOptions options) => new(Cluster(options));
}
