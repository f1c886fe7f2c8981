using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms;
using static NutPortal.Tests.Networks.Kubernetes.ManifestFixtures;
using static NutPortal.Tests.Networks.Kubernetes.ManifestYaml;

namespace NutPortal.Tests.Networks.Kubernetes;

public sealed class KubernetesManifestRendererTests
{
    [Fact]
    public void A_node_is_a_configmap_a_claim_a_service_and_a_statefulset_after_the_namespace()
    {
        var documents = Render(Network(), Profile(), new KubernetesOptions { Namespace = "chains", CreateNamespace = true });

        Assert.Equal(["Namespace", "ConfigMap", "PersistentVolumeClaim", "Service", "StatefulSet"], documents.Select(Kind));
        Assert.Equal("chains", Name(documents[0]));
        Assert.All(documents.Skip(1), d => Assert.Equal("chains", Path(d, "metadata|namespace")));
        Assert.Single(documents.Skip(1).Select(Name).Distinct());
    }

    [Fact]
    public void Without_create_namespace_there_is_no_namespace_document_and_the_default_namespace_is_nutportal()
    {
        var documents = Render(Network(), Profile(), new KubernetesOptions());

        Assert.Equal(["ConfigMap", "PersistentVolumeClaim", "Service", "StatefulSet"], documents.Select(Kind));
        Assert.All(documents, d => Assert.Equal("nutportal", Path(d, "metadata|namespace")));
    }

    [Fact]
    public void Hardware_becomes_requests_limits_and_storage()
    {
        var documents = Render(Network(), Profile(), new KubernetesOptions { StorageClassName = "fast-ssd" });

        var container = Path(Single(documents, "StatefulSet"), "spec|template|spec|containers|0");
        foreach (var kind in new[] { "requests", "limits" })
        {
            Assert.Equal("1500m", Path(container, $"resources|{kind}|cpu"));
            Assert.Equal("1Gi", Path(container, $"resources|{kind}|memory")); // 1024 MB, in the client's canonical form
        }
        var claim = Single(documents, "PersistentVolumeClaim");
        Assert.Equal("10Gi", Path(claim, "spec|resources|requests|storage"));
        Assert.Equal("fast-ssd", Path(claim, "spec|storageClassName"));
        Assert.Equal(new List<object?> { "ReadWriteOnce" }, Path(claim, "spec|accessModes"));
    }

    [Fact]
    public void Without_a_storage_class_the_claim_uses_the_cluster_default()
    {
        var claim = Single(Render(Network(), Profile(), new KubernetesOptions()), "PersistentVolumeClaim");

        Assert.False(((Dictionary<string, object?>)Path(claim, "spec")!).ContainsKey("storageClassName"));
    }

    [Fact]
    public void The_container_runs_the_platform_launch_on_all_interfaces_with_its_data_on_the_claim()
    {
        var documents = Render(Network(), Profile(), new KubernetesOptions());
        var expected = Anvil.CreateLaunch(Profile(), new NodeLaunchContext("node-0", "0.0.0.0", 8545, "/data"));

        var set = Single(documents, "StatefulSet");
        var container = Path(set, "spec|template|spec|containers|0");
        Assert.Equal(1L, Path(set, "spec|replicas"));
        Assert.Equal(expected.ContainerImage, Path(container, "image"));
        Assert.Equal(new List<object?> { "anvil" }, Path(container, "command"));
        var args = ((List<object?>)Path(container, "args")!).Cast<string>().ToList();
        Assert.Equal(expected.Arguments, args);
        Assert.Contains("--host|0.0.0.0|--port|8545|--chain-id|31337", string.Join('|', args), StringComparison.Ordinal);
        Assert.Contains("--state|/data/state.json", string.Join('|', args), StringComparison.Ordinal);
        Assert.Equal("/data", Path(container, "volumeMounts|0|mountPath"));
        Assert.Equal(Name(Single(documents, "PersistentVolumeClaim")), Path(set, "spec|template|spec|volumes|0|persistentVolumeClaim|claimName"));
        Assert.Equal(8545L, Path(container, "readinessProbe|tcpSocket|port"));
        Assert.Equal(Name(Single(documents, "ConfigMap")), Path(container, "envFrom|0|configMapRef|name"));
    }

    [Fact]
    public void The_service_exposes_rpc_and_selects_exactly_the_statefulset_pods()
    {
        var documents = Render(Network(), Profile(), new KubernetesOptions());

        var service = Single(documents, "Service");
        var set = Single(documents, "StatefulSet");
        Assert.Equal("None", Path(service, "spec|clusterIP"));
        Assert.Equal(8545L, Path(service, "spec|ports|0|port"));
        Assert.Equal(Name(service), Path(set, "spec|serviceName"));
        Assert.Equal(Path(service, "spec|selector"), Path(set, "spec|selector|matchLabels"));
        var podLabels = (Dictionary<string, object?>)Path(set, "spec|template|metadata|labels")!;
        Assert.All((Dictionary<string, object?>)Path(service, "spec|selector")!, e => Assert.Equal(e.Value, podLabels[e.Key]));

        var clusterIp = Single(Render(Network(), Profile(), new KubernetesOptions { HeadlessService = false }), "Service");
        Assert.False(((Dictionary<string, object?>)Path(clusterIp, "spec")!).ContainsKey("clusterIP"));
    }

    [Fact]
    public void Every_document_and_the_pods_carry_the_labels()
    {
        var documents = Render(Network(id: "net-7f3a"), Profile(), new KubernetesOptions());

        var labelSets = documents.Select(d => Path(d, "metadata|labels"))
            .Append(Path(Single(documents, "StatefulSet"), "spec|template|metadata|labels"));
        Assert.All(labelSets, labels => Assert.Equal(
            new Dictionary<string, object?>
            {
                ["app.kubernetes.io/name"] = AnvilPlatform.PlatformName,
                ["app.kubernetes.io/instance"] = "net-7f3a",
                ["app.kubernetes.io/managed-by"] = "nutportal",
                ["nutportal.io/node"] = "node-0",
            },
            labels));
    }

    [Fact]
    public void The_configmap_holds_the_chain_settings_as_strings()
    {
        var data = Path(Single(Render(Network(), Profile(), new KubernetesOptions()), "ConfigMap"), "data");

        Assert.Equal("31337", Path(data, "CHAIN_ID"));
        Assert.Equal("prague", Path(data, "HARDFORK"));
        Assert.Equal("2", Path(data, "BLOCK_INTERVAL_SECONDS"));
        Assert.Equal("30000000", Path(data, "BLOCK_GAS_LIMIT"));
    }

    [Fact]
    public void Every_node_gets_its_own_resources_and_the_profile_count_is_used_before_nodes_exist()
    {
        var three = Render(Network(nodes: ["node-0", "node-1", "node-2"]), Profile(), new KubernetesOptions());
        Assert.Equal(3, three.Count(d => Kind(d) == "StatefulSet"));
        Assert.Equal(3, three.Select(Name).Distinct().Count());

        var early = Network();
        early.Nodes.Clear();
        var documents = Render(early, Profile(), new KubernetesOptions());
        Assert.Equal("node-1", Path(Single(documents, "StatefulSet"), "metadata|labels|nutportal.io/node"));
    }

    [Fact]
    public void The_manifests_load_back_as_the_kubernetes_clients_typed_models()
    {
        var yaml = new KubernetesManifestRenderer().Render(Network(), Profile(), Anvil, new KubernetesOptions { CreateNamespace = true });

        var objects = k8s.KubernetesYaml.LoadAllFromString(yaml);

        Assert.Equal(["V1Namespace", "V1ConfigMap", "V1PersistentVolumeClaim", "V1Service", "V1StatefulSet"], objects.Select(o => o.GetType().Name));
        var set = Assert.IsType<k8s.Models.V1StatefulSet>(objects[4]);
        Assert.Equal("1500m", set.Spec.Template.Spec.Containers[0].Resources.Limits["cpu"].ToString());
        Assert.Equal(set.Spec.Selector.MatchLabels, Assert.IsType<k8s.Models.V1Service>(objects[3]).Spec.Selector);
    }

    [Fact]
    public void Rendering_for_deletion_and_for_one_node_never_deletes_the_namespace()
    {
        var renderer = new KubernetesManifestRenderer();
        var options = new KubernetesOptions { CreateNamespace = true };
        var network = Network(nodes: ["node-0", "node-1"]);

        var deletion = renderer.ResourcesForDeletion(network, Profile(), Anvil, options);
        Assert.DoesNotContain(deletion, d => d.Kind == "Namespace");
        Assert.Equal(8, deletion.Count);

        var node = renderer.NodeResources(network, "node-1", Profile(), Anvil, options);
        Assert.Equal(["Namespace", "ConfigMap", "PersistentVolumeClaim", "Service", "StatefulSet"], node.Select(d => d.Kind));
        Assert.All(node.Skip(1), d => Assert.Equal("node-1", d.Metadata.Labels["nutportal.io/node"]));
    }
}
