using System.Globalization;
using k8s.Models;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Builds one workload's resources as KubernetesClient's typed models; all share one name, since each is a
/// different kind. Platforms compose them in <see cref="IKubernetesPlatform.KubernetesResources"/>.
/// </summary>
public sealed record NodeManifests(string Name, string Namespace, IDictionary<string, string> Labels, IDictionary<string, string> Selector)
{
    public const string DataVolume = "data";

    public V1ConfigMap ConfigMap(IDictionary<string, string> data) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = Metadata(),
        Data = data,
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

    /// <summary>A Service on the given named ports (each targets the container port of the same name unless a number is given).</summary>
    public V1Service Service(bool headless, IEnumerable<(string Name, int Port)> ports, IDictionary<string, string>? selector = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(),
        Spec = new V1ServiceSpec
        {
            ClusterIP = headless ? "None" : null,
            Selector = selector ?? Selector,
            // A headless Service publishes its pods' addresses before they are ready, so peers (and a dBFT or
            // proof-of-work network waiting for them) can reach each other while they start.
            PublishNotReadyAddresses = headless ? true : null,
            Ports = ports.Select(p => new V1ServicePort { Name = p.Name, Port = p.Port, TargetPort = p.Port, Protocol = "TCP" }).ToList(),
        },
    };

    /// <summary>A one-replica StatefulSet running <paramref name="pod"/> with this workload's labels, governed by its own Service unless named.</summary>
    public V1StatefulSet StatefulSet(V1PodSpec pod, string? serviceName = null) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = Metadata(),
        Spec = new V1StatefulSetSpec
        {
            Replicas = 1,
            ServiceName = serviceName ?? Name,
            Selector = new V1LabelSelector { MatchLabels = Selector },
            Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = Labels }, Spec = pod },
        },
    };

    /// <summary>The claim of this workload as the pod's <see cref="DataVolume"/> volume.</summary>
    public V1Volume ClaimVolume() => new() { Name = DataVolume, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = Name } };

    /// <summary>Requests equal to limits (a guaranteed pod), from the profile's per-node hardware.</summary>
    public static V1ResourceRequirements Resources(HardwareSpec hardware)
    {
        var resources = Quantities(("cpu", $"{Invariant((long)Math.Round(hardware.Cpus * 1000))}m"), ("memory", $"{Invariant(hardware.MemoryMb)}Mi"));
        return new V1ResourceRequirements { Requests = resources, Limits = resources };
    }

    public static V1ContainerPort Port(string name, int port) => new() { Name = name, ContainerPort = port, Protocol = "TCP" };

    public static V1Probe TcpReadiness(int port) => new() { TcpSocket = new V1TCPSocketAction { Port = port }, InitialDelaySeconds = 2, PeriodSeconds = 5 };

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private V1ObjectMeta Metadata() => new() { Name = Name, NamespaceProperty = Namespace, Labels = Labels };

    private static Dictionary<string, ResourceQuantity> Quantities(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => new ResourceQuantity(v.Value));
}
