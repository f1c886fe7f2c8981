using k8s;
using k8s.Models;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks.Kubernetes;

public sealed class ManifestDownloadTests
{
    [Fact]
    public async Task A_litecoin_networks_manifests_download_with_a_statefulset_per_node_peered_by_service_names()
    {
        // litecoind is pointed nowhere, so the deployment fails at once and no node process runs beside the test:
        // the manifests depend only on the network and its profile.
        await using var portal = new PortalFactory().WithSetting("Portal:Networks:LitecoindPath", "/nonexistent/litecoind");
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, new
        {
            name = "ltc-k8s", platform = "litecoin", nodeCount = 3, consensus = "pow", blockIntervalSeconds = 1, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Failed", TimeSpan.FromSeconds(30), "Failed");

        var response = await client.GetAsync($"/api/v1/networks/{id}/manifests?target=kubernetes");
        var objects = KubernetesYaml.LoadAllFromString(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        var sets = objects.OfType<V1StatefulSet>().ToList();
        Assert.Equal(["node-1", "node-2", "node-3"], sets.Select(s => s.Metadata.Labels["nutportal.io/node"]));
        Assert.All(sets, s => Assert.Equal(id, s.Metadata.Labels["app.kubernetes.io/instance"]));
        var node1 = objects.OfType<V1ConfigMap>().Single(m => m.Metadata.Labels["nutportal.io/node"] == "node-1").Data["litecoin.conf"];
        Assert.Contains($"addnode={sets[1].Metadata.Name}.nutportal.svc:19444", node1, StringComparison.Ordinal);
        Assert.Contains($"addnode={sets[2].Metadata.Name}.nutportal.svc:19444", node1, StringComparison.Ordinal);
        Assert.Equal(3, objects.OfType<V1Service>().Count());
    }
}
