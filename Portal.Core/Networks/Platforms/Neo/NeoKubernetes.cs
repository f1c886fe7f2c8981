using System.Globalization;
using k8s;
using k8s.Models;
using NutPortal.Core.Networks.Kubernetes;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// A Neo network on Kubernetes. neo-express seeds every node's peers as <c>127.0.0.1:&lt;P2P port&gt;</c> of the
/// chain file, so its consensus nodes must share one network namespace: one pod (one StatefulSet for the network)
/// with a container per consensus node, each on neo-express's default ports for its index, as the local platform
/// runs one process per node on its own ports. Each node gets a Service on its ports. The chain file holds every
/// consensus node's private key, unencrypted: it is read from a Secret the operator creates (never rendered
/// here), mounted read-only. neo-express is installed on the network's volume by an init container on
/// Microsoft's .NET SDK image and runs on the .NET runtime image, rolled forward as locally.
/// </summary>
internal static class NeoKubernetes
{
    public const string ChainFileDirectory = "/etc/neo-express";
    public const string ToolImage = "mcr.microsoft.com/dotnet/sdk:8.0";
    public const string RuntimeImage = "mcr.microsoft.com/dotnet/runtime:8.0";
    private const string Tools = KubernetesNetwork.DataDirectory + "/tools";

    private static readonly string NeoxpDll =
        $"{Tools}/.store/neo.express/{NeoExpress.Version}/neo.express/{NeoExpress.Version}/tools/net6.0/any/neoxp.dll";

    // neo-express's create gives node i (from 0) RPC 500(i+1)2, P2P 500(i+1)3 and WebSocket 500(i+1)4.
    public static int RpcPort(int index) => 50000 + (index + 1) * 10 + 2;

    public static int P2pPort(int index) => RpcPort(index) + 1;

    public static int WebSocketPort(int index) => RpcPort(index) + 2;

    /// <summary>The Secret (key <see cref="NeoExpressFile.FileName"/>) holding the network's chain file.</summary>
    public static string SecretName(KubernetesNetwork network) => network.NetworkResourceName + "-chain";

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Resources(KubernetesNetwork network)
    {
        var shared = network.Shared();
        var hardware = network.Profile.Hardware;
        var nodes = network.NodeNames.Select((name, i) => (Name: name, Index: NodeNumbers.Number(name) is > 0 and var n ? n - 1 : i)).ToList();
        // One volume for the pod: the tool and a folder per node (its HOME, where neo-express keeps the chain).
        yield return shared.PersistentVolumeClaim(hardware with { DiskGb = hardware.DiskGb * nodes.Count }, network.Options.StorageClassName);
        foreach (var (name, index) in nodes)
        {
            yield return network.Node(name).Service(network.Options.HeadlessService,
                [("rpc", RpcPort(index)), ("p2p", P2pPort(index)), ("ws", WebSocketPort(index))], network.Selector(null));
        }
        // The first node's Service governs the pod (a StatefulSet names one).
        yield return shared.StatefulSet(serviceName: network.ResourceName(nodes[0].Name), pod: new V1PodSpec
        {
            InitContainers = [Install()],
            Containers = [.. nodes.Select(n => Node(network, n.Name, n.Index))],
            Volumes =
            [
                shared.ClaimVolume(),
                new V1Volume
                {
                    Name = "chain",
                    Secret = new V1SecretVolumeSource
                    {
                        SecretName = SecretName(network),
                        Items = [new V1KeyToPath { Key = NeoExpressFile.FileName, Path = NeoExpressFile.FileName }],
                        DefaultMode = 0x100, // 0400: readable by the node only
                    },
                },
            ],
        });
    }

    private static V1Container Install() => new()
    {
        Name = "install-neo-express",
        Image = ToolImage,
        Command = ["sh", "-c",
            $"(test -f {NeoxpDll} || dotnet tool install neo.express --version {NeoExpress.Version} --tool-path {Tools}) && "
            + "apt-get update -qq && apt-get install -y -qq --no-install-recommends libsnappy1v5 >/dev/null && "
            + $"mkdir -p {Tools}/lib && cp -L /usr/lib/x86_64-linux-gnu/libsnappy.so.1 {Tools}/lib/"],
        Env = [Env("DOTNET_CLI_TELEMETRY_OPTOUT", "1")],
        VolumeMounts = [new V1VolumeMount { Name = NodeManifests.DataVolume, MountPath = KubernetesNetwork.DataDirectory }],
    };

    private static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    /// <summary>One consensus node: the local platform's <c>neoxp run -i &lt;chain file&gt; -s &lt;seconds&gt; &lt;index&gt;</c>.</summary>
    private static V1Container Node(KubernetesNetwork network, string name, int index) => new()
    {
        Name = KubernetesNames.Slug(name),
        Image = RuntimeImage,
        Command = ["dotnet"],
        Args = [NeoxpDll, "run", "-i", $"{ChainFileDirectory}/{NeoExpressFile.FileName}", "-s",
            network.Profile.BlockIntervalSeconds.ToString(CultureInfo.InvariantCulture), index.ToString(CultureInfo.InvariantCulture)],
        Env =
        [
            Env("HOME", $"{KubernetesNetwork.DataDirectory}/{KubernetesNames.Slug(name)}"),
            Env("DOTNET_ROLL_FORWARD", "Major"),
            Env("LD_LIBRARY_PATH", $"{Tools}/lib"),
            Env("NO_COLOR", "1"),
        ],
        Ports = [NodeManifests.Port($"rpc-{index}", RpcPort(index)), NodeManifests.Port($"p2p-{index}", P2pPort(index)), NodeManifests.Port($"ws-{index}", WebSocketPort(index))],
        Resources = NodeManifests.Resources(network.Profile.Hardware),
        ReadinessProbe = NodeManifests.TcpReadiness(RpcPort(index)),
        VolumeMounts =
        [
            new V1VolumeMount { Name = NodeManifests.DataVolume, MountPath = KubernetesNetwork.DataDirectory },
            new V1VolumeMount { Name = "chain", MountPath = ChainFileDirectory, ReadOnlyProperty = true },
        ],
    };
}
