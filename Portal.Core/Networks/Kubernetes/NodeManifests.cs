using System.Globalization;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>The four documents of one node; all share one name, since each is a different kind.</summary>
internal sealed record NodeManifests(string Name, string Namespace, YamlMap Labels, YamlMap Selector)
{
    private static readonly string[] ReadWriteOnce = ["ReadWriteOnce"];

    public YamlMap ConfigMap(NetworkProfile profile, string nodeName) => Document("v1", "ConfigMap", new YamlMap
    {
        // Upper-case keys so the container gets them as environment variables through envFrom.
        { "data", new YamlMap
            {
                { "PLATFORM", profile.Platform },
                { "NODE_NAME", nodeName },
                { "CONSENSUS", profile.Consensus },
                { "CHAIN_ID", Invariant(profile.ChainId) },
                { "HARDFORK", profile.Hardfork },
                { "BLOCK_INTERVAL_SECONDS", Invariant(profile.BlockIntervalSeconds) },
                { "BLOCK_GAS_LIMIT", Invariant(profile.BlockGasLimit) },
            }
        },
    });

    public YamlMap PersistentVolumeClaim(HardwareSpec hardware, string? storageClassName) => Document("v1", "PersistentVolumeClaim", new YamlMap
    {
        { "spec", new YamlMap
            {
                { "accessModes", ReadWriteOnce },
                { "storageClassName", string.IsNullOrWhiteSpace(storageClassName) ? null : storageClassName },
                { "resources", new YamlMap { { "requests", new YamlMap { { "storage", $"{Invariant(hardware.DiskGb)}Gi" } } } } },
            }
        },
    });

    public YamlMap Service(bool headless) => Document("v1", "Service", new YamlMap
    {
        { "spec", new YamlMap
            {
                { "clusterIP", headless ? "None" : null },
                { "selector", Selector },
                { "ports", new[] { new YamlMap { { "name", "rpc" }, { "port", KubernetesManifestRenderer.RpcPort }, { "targetPort", "rpc" }, { "protocol", "TCP" } } } },
            }
        },
    });

    public YamlMap StatefulSet(NodeLaunch launch, HardwareSpec hardware) => Document("apps/v1", "StatefulSet", new YamlMap
    {
        { "spec", new YamlMap
            {
                { "replicas", 1 },
                { "serviceName", Name },
                { "selector", new YamlMap { { "matchLabels", Selector } } },
                { "template", new YamlMap
                    {
                        { "metadata", new YamlMap { { "labels", Labels } } },
                        { "spec", PodSpec(launch, hardware) },
                    }
                },
            }
        },
    });

    private YamlMap PodSpec(NodeLaunch launch, HardwareSpec hardware)
    {
        var resources = new YamlMap
        {
            { "cpu", $"{Invariant((long)Math.Round(hardware.Cpus * 1000))}m" },
            { "memory", $"{Invariant(hardware.MemoryMb)}Mi" },
        };
        return new YamlMap
        {
            // The foundry image runs as uid/gid 1000 in recent releases: let it write the volume.
            { "securityContext", new YamlMap { { "fsGroup", 1000 } } },
            { "containers", new[]
                {
                    new YamlMap
                    {
                        { "name", "node" },
                        { "image", launch.ContainerImage },
                        // The executable's file name: the local path means nothing in the image, and images such
                        // as foundry's have a shell as entrypoint, so the command must be explicit.
                        { "command", new[] { Path.GetFileName(launch.Executable) } },
                        { "args", launch.Arguments },
                        { "envFrom", new[] { new YamlMap { { "configMapRef", new YamlMap { { "name", Name } } } } } },
                        { "ports", new[] { new YamlMap { { "name", "rpc" }, { "containerPort", KubernetesManifestRenderer.RpcPort }, { "protocol", "TCP" } } } },
                        { "resources", new YamlMap { { "requests", resources }, { "limits", resources } } },
                        { "readinessProbe", new YamlMap
                            {
                                { "tcpSocket", new YamlMap { { "port", KubernetesManifestRenderer.RpcPort } } },
                                { "initialDelaySeconds", 2 },
                                { "periodSeconds", 5 },
                            }
                        },
                        { "volumeMounts", new[] { new YamlMap { { "name", "data" }, { "mountPath", KubernetesManifestRenderer.DataDirectory } } } },
                    },
                }
            },
            { "volumes", new[] { new YamlMap { { "name", "data" }, { "persistentVolumeClaim", new YamlMap { { "claimName", Name } } } } } },
        };
    }

    private YamlMap Document(string apiVersion, string kind, YamlMap body)
    {
        var document = new YamlMap
        {
            { "apiVersion", apiVersion },
            { "kind", kind },
            { "metadata", new YamlMap { { "name", Name }, { "namespace", Namespace }, { "labels", Labels } } },
        };
        document.AddRange(body);
        return document;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
