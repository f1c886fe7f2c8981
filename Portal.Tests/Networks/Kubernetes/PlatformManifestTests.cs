using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Litecoin;
using NutPortal.Core.Networks.Platforms.Neo;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>Neo and Litecoin manifests, loaded back through the client's models (<c>KubernetesYaml.LoadAllFromString</c>).</summary>
public sealed partial class PlatformManifestTests
{
    private static readonly KubernetesOptions Options = new() { Namespace = "chains" };

    [Fact]
    public void A_litecoin_node_is_a_config_map_with_its_litecoin_conf_a_claim_a_service_and_a_statefulset()
    {
        var objects = Load(LitecoinNetwork(), LitecoinProfile(), Litecoin);

        Assert.Equal(Enumerable.Repeat(new[] { "V1ConfigMap", "V1PersistentVolumeClaim", "V1Service", "V1StatefulSet" }, 3).SelectMany(k => k), objects.Select(o => o.GetType().Name));
        var sets = objects.OfType<V1StatefulSet>().ToList();
        Assert.Equal(["node-1", "node-2", "node-3"], sets.Select(s => s.Spec.Template.Metadata.Labels["nutportal.io/node"]));
        foreach (var set in sets)
        {
            var name = set.Metadata.Name;
            var container = Assert.Single(set.Spec.Template.Spec.Containers);
            Assert.Equal("debian:bookworm-slim", container.Image);
            Assert.Equal("sh", container.Command[0]);
            Assert.Contains("apt-get install -y -qq --no-install-recommends litecoind", container.Command[2], StringComparison.Ordinal);
            Assert.EndsWith("exec /usr/lib/litecoin/litecoind -conf=/etc/litecoin/litecoin.conf -datadir=/data", container.Command[2], StringComparison.Ordinal);
            Assert.Equal([("rpc", 19443), ("p2p", 19444)], container.Ports.Select(p => (p.Name, p.ContainerPort)));
            Assert.Equal([("data", "/data", false), ("config", "/etc/litecoin", true)], container.VolumeMounts.Select(m => (m.Name, m.MountPath, m.ReadOnlyProperty ?? false)));
            Assert.Equal(name, set.Spec.Template.Spec.Volumes.Single(v => v.Name == "data").PersistentVolumeClaim.ClaimName);
            Assert.Equal(name, set.Spec.Template.Spec.Volumes.Single(v => v.Name == "config").ConfigMap.Name);
            var service = objects.OfType<V1Service>().Single(s => s.Metadata.Name == name);
            Assert.Equal([("rpc", 19443), ("p2p", 19444)], service.Spec.Ports.Select(p => (p.Name, p.Port)));
            Assert.Equal(set.Spec.Selector.MatchLabels, service.Spec.Selector);
        }
    }

    [Fact]
    public void Litecoin_conf_is_regtest_with_rpc_on_the_pod_and_every_other_node_as_a_peer()
    {
        var objects = Load(LitecoinNetwork(), LitecoinProfile(), Litecoin);
        var services = objects.OfType<V1Service>().ToDictionary(s => s.Metadata.Labels["nutportal.io/node"], s => $"{s.Metadata.Name}.chains.svc:19444");

        foreach (var map in objects.OfType<V1ConfigMap>())
        {
            var node = map.Metadata.Labels["nutportal.io/node"];
            var lines = map.Data["litecoin.conf"].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["regtest=1", "[regtest]"], lines.Skip(1).Take(2));
            foreach (var setting in new[] { "server=1", "port=19444", "rpcport=19443", "rpcbind=0.0.0.0", "bind=0.0.0.0", "dnsseed=0", "blockmaxweight=400000" })
            {
                Assert.Contains(setting, lines);
            }
            Assert.Equal(services.Where(s => s.Key != node).Select(s => "addnode=" + s.Value).Order(), lines.Where(l => l.StartsWith("addnode=", StringComparison.Ordinal)).Order());
            Assert.Equal(node == "node-2", lines[0].Contains("a mining node", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_neo_network_is_one_pod_with_a_container_per_consensus_node_and_a_service_per_node()
    {
        var objects = Load(NeoNetwork(), NeoProfile(), Neo);

        Assert.Equal(["V1PersistentVolumeClaim", "V1Service", "V1Service", "V1Service", "V1Service", "V1StatefulSet"], objects.Select(o => o.GetType().Name));
        var set = Assert.Single(objects.OfType<V1StatefulSet>());
        Assert.Equal(1, set.Spec.Replicas);
        Assert.Equal(objects.OfType<V1Service>().First().Metadata.Name, set.Spec.ServiceName);
        var pod = set.Spec.Template.Spec;
        Assert.Equal(["node-1", "node-2", "node-3", "node-4"], pod.Containers.Select(c => c.Name));
        for (var i = 0; i < 4; i++)
        {
            var container = pod.Containers[i];
            Assert.Equal("mcr.microsoft.com/dotnet/runtime:8.0", container.Image);
            Assert.Equal(["dotnet"], container.Command);
            Assert.Equal(["/data/tools/.store/neo.express/3.5.20/neo.express/3.5.20/tools/net6.0/any/neoxp.dll", "run", "-i", "/etc/neo-express/network.neo-express", "-s", "5", $"{i}"], container.Args);
            var rpc = 50000 + (i + 1) * 10 + 2;
            Assert.Equal([rpc, rpc + 1, rpc + 2], container.Ports.Select(p => p.ContainerPort));
            Assert.Equal($"/data/node-{i + 1}", container.Env.Single(e => e.Name == "HOME").Value);
            Assert.Equal("Major", container.Env.Single(e => e.Name == "DOTNET_ROLL_FORWARD").Value);
            Assert.Equal([("data", "/data", false), ("chain", "/etc/neo-express", true)], container.VolumeMounts.Select(m => (m.Name, m.MountPath, m.ReadOnlyProperty ?? false)));
            var service = objects.OfType<V1Service>().Single(s => s.Metadata.Labels["nutportal.io/node"] == $"node-{i + 1}");
            Assert.Equal([("rpc", rpc), ("p2p", rpc + 1), ("ws", rpc + 2)], service.Spec.Ports.Select(p => (p.Name, p.Port)));
            Assert.All(service.Spec.Selector, e => Assert.Equal(e.Value, set.Spec.Template.Metadata.Labels[e.Key]));
        }
        var install = Assert.Single(pod.InitContainers);
        Assert.StartsWith("(test -f /data/tools/.store/neo.express/3.5.20/", install.Command[2], StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:8.0", install.Image);
        Assert.Contains("dotnet tool install neo.express --version 3.5.20 --tool-path /data/tools", install.Command[2], StringComparison.Ordinal);
        Assert.Equal("40Gi", Assert.Single(objects.OfType<V1PersistentVolumeClaim>()).Spec.Resources.Requests["storage"].ToString());
    }

    [Fact]
    public void The_neo_chain_file_with_its_keys_comes_from_a_secret_the_manifests_only_reference()
    {
        var network = NeoNetwork();
        const string Key = "L3bhjCtV5kQPzQAzRZW5qxbuLxUxcXQk6EvrSQmzdXJyyjHcWjKA";
        foreach (var node in network.Nodes)
        {
            Directory.CreateDirectory(node.DataDirectory);
            File.WriteAllText(NeoExpressFile.PathFor(node.DataDirectory), $"{{\"consensus-nodes\":[{{\"wallet\":{{\"accounts\":[{{\"private-key\":\"{Key}\"}}]}}}}]}}");
        }
        try
        {
            var yaml = new KubernetesManifestRenderer().Render(network, NeoProfile(), Neo, Options);
            var objects = KubernetesYaml.LoadAllFromString(yaml);

            var chain = Assert.Single(objects.OfType<V1StatefulSet>()).Spec.Template.Spec.Volumes.Single(v => v.Name == "chain").Secret;
            Assert.Matches("^neo-net-[0-9a-f]{8}-chain$", chain.SecretName);
            Assert.Equal([("network.neo-express", "network.neo-express")], chain.Items.Select(i => (i.Key, i.Path)));
            Assert.Equal(256, chain.DefaultMode); // 0400
            Assert.DoesNotContain(objects, o => o is V1Secret or V1ConfigMap);
            Assert.DoesNotContain(Key, yaml, StringComparison.Ordinal);
            Assert.DoesNotContain("private-key", yaml, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(network.Nodes[0].DataDirectory)!, recursive: true);
        }
    }

    [Fact]
    public void No_config_map_of_any_platform_holds_a_key_and_every_resource_is_validly_named_in_the_namespace()
    {
        var all = Load(LitecoinNetwork(), LitecoinProfile(), Litecoin)
            .Concat(Load(NeoNetwork(), NeoProfile(), Neo))
            .Concat(Load(ManifestFixtures.Network(), ManifestFixtures.Profile(), ManifestFixtures.Anvil))
            .Cast<IKubernetesObject<V1ObjectMeta>>().ToList();

        Assert.All(all.OfType<V1ConfigMap>().SelectMany(m => m.Data.Values), value =>
        {
            Assert.DoesNotMatch(PrivateKeyLike(), value);
            Assert.DoesNotContain("private", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("rpcpassword", value, StringComparison.Ordinal);
        });
        Assert.All(all, o =>
        {
            Assert.Equal("chains", o.Metadata.NamespaceProperty);
            Assert.Matches("^[a-z]([-a-z0-9]*[a-z0-9])?$", o.Metadata.Name);
            Assert.InRange(o.Metadata.Name.Length, 1, 63);
        });
    }

    private static readonly LitecoinPlatform Litecoin = new(null!, Microsoft.Extensions.Options.Options.Create(new NetworkOptions()));
    private static readonly NeoPlatform Neo = new(null!, Microsoft.Extensions.Options.Options.Create(new NetworkOptions()));

    private static List<object> Load(Network network, NetworkProfile profile, IBlockchainPlatform platform) =>
        KubernetesYaml.LoadAllFromString(new KubernetesManifestRenderer().Render(network, profile, platform, Options));

    private static NetworkProfile LitecoinProfile() => new()
    {
        Name = "LTC net", Platform = LitecoinPlatform.PlatformName, NodeCount = 3, Consensus = "pow", ChainId = 0, BlockIntervalSeconds = 2,
        Accounts = new AccountsSpec { Count = 0 }, Litecoin = new LitecoinSettings { MiningNodes = [2], BlockMaxWeight = 400_000 },
    };

    private static NetworkProfile NeoProfile() => new()
    {
        Name = "Neo net", Platform = NeoPlatform.PlatformName, NodeCount = 4, Consensus = "dbft", ChainId = 1234, BlockIntervalSeconds = 5,
        Accounts = new AccountsSpec { Count = 0 }, Hardware = new HardwareSpec { Cpus = 0.5, MemoryMb = 512, DiskGb = 10 },
    };

    private static Network LitecoinNetwork() => Network("LTC net", "ltc-1", LitecoinPlatform.PlatformName, 3);

    private static Network NeoNetwork() => Network("Neo net", "neo-1", NeoPlatform.PlatformName, 4);

    private static Network Network(string name, string id, string platform, int nodes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nutportal-manifests-" + Guid.NewGuid().ToString("N"));
        return new Network
        {
            Id = id, Name = name, Platform = platform, Driver = "local", ProfileJson = "{}", CreatedBy = "alice",
            Nodes = [.. Enumerable.Range(1, nodes).Select(i => new NetworkNode { Id = $"{id}-{i}", NetworkId = id, Name = $"node-{i}", DataDirectory = Path.Combine(folder, $"node-{i}") })],
        };
    }

    /// <summary>A WIF key, a 64-hex-digit secret or a PEM block.</summary>
    [GeneratedRegex(@"\b[KL5][1-9A-HJ-NP-Za-km-z]{50,51}\b|\b[0-9a-fA-F]{64}\b|-----BEGIN")]
    private static partial Regex PrivateKeyLike();
}
