using System.Text;
using k8s;
using k8s.Models;
using NutPortal.Core.Networks.Kubernetes;

namespace NutPortal.Core.Networks.Platforms.Litecoin;

/// <summary>
/// A Litecoin network on Kubernetes: per node a ConfigMap holding its <c>litecoin.conf</c> (regtest, RPC on all
/// interfaces, every other node's Service as <c>addnode</c>), a claim for its chain and wallet, a Service on the
/// RPC and P2P ports and a one-replica StatefulSet. The image is Debian 12's own, with the same litecoind package
/// the local platform runs (installed when the container starts). RPC authenticates with the cookie litecoind
/// writes on its volume, as locally, so no password is in any resource.
/// </summary>
internal static class LitecoinKubernetes
{
    public const int RpcPort = 19443;
    public const int P2pPort = 19444;
    public const string Image = "debian:bookworm-slim";
    public const string ConfigDirectory = "/etc/litecoin";

    private const string InstallAndRun =
        "apt-get update -qq && apt-get install -y -qq --no-install-recommends litecoind >/dev/null && "
        + "exec /usr/lib/litecoin/litecoind -conf=" + ConfigDirectory + "/litecoin.conf -datadir=" + KubernetesNetwork.DataDirectory;

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Resources(KubernetesNetwork network) =>
        network.NodeNames.SelectMany(node => Node(network, node));

    private static IEnumerable<IKubernetesObject<V1ObjectMeta>> Node(KubernetesNetwork network, string nodeName)
    {
        var node = network.Node(nodeName);
        yield return node.ConfigMap(new Dictionary<string, string> { ["litecoin.conf"] = Configuration(network, nodeName) });
        yield return node.PersistentVolumeClaim(network.Profile.Hardware, network.Options.StorageClassName);
        yield return node.Service(network.Options.HeadlessService, [("rpc", RpcPort), ("p2p", P2pPort)]);
        yield return node.StatefulSet(new V1PodSpec
        {
            Containers =
            [
                new V1Container
                {
                    Name = "node",
                    Image = Image,
                    Command = ["sh", "-c", InstallAndRun],
                    Ports = [NodeManifests.Port("rpc", RpcPort), NodeManifests.Port("p2p", P2pPort)],
                    Resources = NodeManifests.Resources(network.Profile.Hardware),
                    ReadinessProbe = NodeManifests.TcpReadiness(RpcPort),
                    VolumeMounts =
                    [
                        new V1VolumeMount { Name = NodeManifests.DataVolume, MountPath = KubernetesNetwork.DataDirectory },
                        new V1VolumeMount { Name = "config", MountPath = ConfigDirectory, ReadOnlyProperty = true },
                    ],
                },
            ],
            Volumes = [node.ClaimVolume(), new V1Volume { Name = "config", ConfigMap = new V1ConfigMapVolumeSource { Name = node.Name } }],
        });
    }

    /// <summary>The same settings the local platform passes on litecoind's command line, for the cluster's addresses.</summary>
    public static string Configuration(KubernetesNetwork network, string nodeName)
    {
        var settings = network.Profile.Litecoin;
        var mines = settings.MiningNodes.Contains(NodeNumbers.Number(nodeName));
        var conf = new StringBuilder()
            .AppendLine($"# {nodeName}: written by NutPortal. Regtest mines only when asked: "
                + (mines ? "this is a mining node (litecoin-cli -regtest generatetoaddress)." : "this node relays and validates."))
            .AppendLine("regtest=1")
            .AppendLine("[regtest]")
            .AppendLine("server=1")
            .AppendLine("listen=1")
            .AppendLine("printtoconsole=1")
            .AppendLine("bind=0.0.0.0")
            .AppendLine($"port={P2pPort}")
            .AppendLine("rpcbind=0.0.0.0")
            .AppendLine($"rpcport={RpcPort}")
            // The Services are cluster-internal and RPC needs the cookie on the node's own volume.
            .AppendLine("rpcallowip=0.0.0.0/0")
            .AppendLine("dnsseed=0")
            .AppendLine("upnp=0")
            .AppendLine("listenonion=0")
            .AppendLine("discover=0")
            // The chain browser resolves a transaction's inputs through their previous transactions.
            .AppendLine("txindex=1")
            .AppendLine("fallbackfee=0.0001")
            .AppendLine($"blockmaxweight={NodeManifests.Invariant(settings.BlockMaxWeight)}")
            // As locally: a node in initial block download takes blocks only from peers it dialled unless the
            // sender is noban; peers' pod addresses are not known up front, so every (cluster-internal) peer is.
            .AppendLine("whitelist=noban@0.0.0.0/0");
        foreach (var peer in network.NodeNames.Where(n => n != nodeName))
        {
            conf.AppendLine($"addnode={network.ServiceHost(peer)}:{P2pPort}");
        }
        return conf.ToString();
    }
}
