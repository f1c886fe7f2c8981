using k8s;
using k8s.Models;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// The resources of a platform whose node is one process with a public container image (anvil): per node a
/// ConfigMap of chain settings (as environment), a claim, a Service on the RPC port and a one-replica StatefulSet
/// running the platform's own launch command, listening on all interfaces with its data on the claim.
/// </summary>
public static class LaunchManifests
{
    public const int RpcPort = 8545;

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> PerNode(KubernetesNetwork network, IBlockchainPlatform platform) =>
        network.NodeNames.SelectMany(node => Node(network, node, platform));

    private static IEnumerable<IKubernetesObject<V1ObjectMeta>> Node(KubernetesNetwork network, string nodeName, IBlockchainPlatform platform)
    {
        var profile = network.Profile;
        var launch = platform.CreateLaunch(profile, new NodeLaunchContext(nodeName, "0.0.0.0", RpcPort, KubernetesNetwork.DataDirectory));
        var node = network.Node(nodeName);
        // Upper-case keys so the container gets them as environment variables through envFrom.
        yield return node.ConfigMap(new Dictionary<string, string>
        {
            ["PLATFORM"] = profile.Platform,
            ["NODE_NAME"] = nodeName,
            ["CONSENSUS"] = profile.Consensus,
            ["CHAIN_ID"] = NodeManifests.Invariant(profile.ChainId),
            ["HARDFORK"] = profile.Hardfork,
            ["BLOCK_INTERVAL_SECONDS"] = NodeManifests.Invariant(profile.BlockIntervalSeconds),
            ["BLOCK_GAS_LIMIT"] = NodeManifests.Invariant(profile.BlockGasLimit),
        });
        yield return node.PersistentVolumeClaim(profile.Hardware, network.Options.StorageClassName);
        yield return node.Service(network.Options.HeadlessService, [("rpc", RpcPort)]);
        yield return node.StatefulSet(new V1PodSpec
        {
            // The foundry image runs as uid/gid 1000 in recent releases: let it write the volume.
            SecurityContext = new V1PodSecurityContext { FsGroup = 1000 },
            Containers =
            [
                new V1Container
                {
                    Name = "node",
                    Image = launch.ContainerImage,
                    // The executable's file name: the local path means nothing in the image, and images such as
                    // foundry's have a shell as entrypoint, so the command must be explicit.
                    Command = [Path.GetFileName(launch.Executable)],
                    Args = [.. launch.Arguments],
                    EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = node.Name } }],
                    Ports = [NodeManifests.Port("rpc", RpcPort)],
                    Resources = NodeManifests.Resources(profile.Hardware),
                    ReadinessProbe = NodeManifests.TcpReadiness(RpcPort),
                    VolumeMounts = [new V1VolumeMount { Name = NodeManifests.DataVolume, MountPath = KubernetesNetwork.DataDirectory }],
                },
            ],
            Volumes = [node.ClaimVolume()],
        });
    }
}
