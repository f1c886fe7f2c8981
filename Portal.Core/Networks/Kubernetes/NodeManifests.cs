using System.Globalization;
using k8s.Models;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>The four resources of one node as KubernetesClient's typed models; all share one name, since each is a different kind.</summary>
internal sealed record NodeManifests(string Name, string Namespace, IDictionary<string, string> Labels, IDictionary<string, string> Selector)
{
    public V1ConfigMap ConfigMap(NetworkProfile profile, string nodeName) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = Metadata(),
        // Upper-case keys so the container gets them as environment variables through envFrom.
        Data = new Dictionary<string, string>
        {
            ["PLATFORM"] = profile.Platform,
            ["NODE_NAME"] = nodeName,
            ["CONSENSUS"] = profile.Consensus,
            ["CHAIN_ID"] = Invariant(profile.ChainId),
            ["HARDFORK"] = profile.Hardfork,
            ["BLOCK_INTERVAL_SECONDS"] = Invariant(profile.BlockIntervalSeconds),
            ["BLOCK_GAS_LIMIT"] = Invariant(profile.BlockGasLimit),
        },
    };

    public V1PersistentVolumeClaim PersistentVolumeClaim(HardwareSpec hardware, string? storageClassName) => new()
    {
        ApiVersion = "v1",
        Kind = "PersistentVolumeClaim",
        Metadata = Metadata(),
        Spec = new V1PersistentVolumeClaimSpec
        {
            AccessModes = ["ReadWriteOnce"],
            StorageClassName = string.IsNullOrWhiteSpace(storageClassName) ? null : storageClassName,
            Resources = new V1VolumeResourceRequirements { Requests = Quantities(("storage", $"{Invariant(hardware.DiskGb)}Gi")) },
        },
    };

    public V1Service Service(bool headless) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(),
        Spec = new V1ServiceSpec
        {
            ClusterIP = headless ? "None" : null,
            Selector = Selector,
            Ports = [new V1ServicePort { Name = "rpc", Port = KubernetesManifestRenderer.RpcPort, TargetPort = "rpc", Protocol = "TCP" }],
        },
    };

    public V1StatefulSet StatefulSet(NodeLaunch launch, HardwareSpec hardware) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = Metadata(),
        Spec = new V1StatefulSetSpec
        {
            Replicas = 1,
            ServiceName = Name,
            Selector = new V1LabelSelector { MatchLabels = Selector },
            Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = Labels }, Spec = PodSpec(launch, hardware) },
        },
    };

    private V1PodSpec PodSpec(NodeLaunch launch, HardwareSpec hardware)
    {
        var resources = Quantities(("cpu", $"{Invariant((long)Math.Round(hardware.Cpus * 1000))}m"), ("memory", $"{Invariant(hardware.MemoryMb)}Mi"));
        return new V1PodSpec
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
                    EnvFrom = [new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = Name } }],
                    Ports = [new V1ContainerPort { Name = "rpc", ContainerPort = KubernetesManifestRenderer.RpcPort, Protocol = "TCP" }],
                    Resources = new V1ResourceRequirements { Requests = resources, Limits = resources },
                    ReadinessProbe = new V1Probe
                    {
                        TcpSocket = new V1TCPSocketAction { Port = KubernetesManifestRenderer.RpcPort },
                        InitialDelaySeconds = 2,
                        PeriodSeconds = 5,
                    },
                    VolumeMounts = [new V1VolumeMount { Name = "data", MountPath = KubernetesManifestRenderer.DataDirectory }],
                },
            ],
            Volumes = [new V1Volume { Name = "data", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = Name } }],
        };
    }

    private V1ObjectMeta Metadata() => new() { Name = Name, NamespaceProperty = Namespace, Labels = Labels };

    private static Dictionary<string, ResourceQuantity> Quantities(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => new ResourceQuantity(v.Value));

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
