using k8s;
using k8s.Models;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Renders a network's nodes as Kubernetes manifests: per node a ConfigMap, a PersistentVolumeClaim, a
/// Service on the RPC port and a one-replica StatefulSet, in that order (what a pod needs exists first), as
/// KubernetesClient's typed models written with its own YAML serialiser.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An injected service: callers take it from DI.")]
public sealed class KubernetesManifestRenderer
{
    public const int RpcPort = 8545;
    public const string DataDirectory = "/data";

    /// <summary>Every node of the network, after a Namespace document when the options create it.</summary>
    public string Render(Network network, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options) =>
        KubernetesYaml.SerializeAll(NamespaceDocuments(options).Concat(NodeNames(network, profile)
            .SelectMany(node => NodeDocuments(network, node, profile, platform, options))));

    /// <summary>
    /// The same resources without the Namespace, for <c>kubectl delete</c>: deleting the namespace would
    /// delete every other network in it.
    /// </summary>
    public string RenderForDeletion(Network network, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options) =>
        KubernetesYaml.SerializeAll(NodeNames(network, profile).SelectMany(node => NodeDocuments(network, node, profile, platform, options)));

    /// <summary>One node's documents (and the Namespace when the options create it): what the driver applies.</summary>
    public string RenderNode(Network network, string nodeName, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options) =>
        KubernetesYaml.SerializeAll(NamespaceDocuments(options).Concat(NodeDocuments(network, nodeName, profile, platform, options)));

    /// <summary>The labels that select one node's resources; the driver finds them by these, not by name.</summary>
    public static Dictionary<string, string> Selector(string networkId, string nodeName) => new()
    {
        ["app.kubernetes.io/instance"] = KubernetesNames.LabelValue(networkId),
        ["nutportal.io/node"] = KubernetesNames.LabelValue(nodeName),
    };

    /// <summary>The selector as kubectl's <c>-l</c> argument.</summary>
    public static string SelectorArgument(string networkId, string nodeName) =>
        string.Join(',', Selector(networkId, nodeName).Select(e => $"{e.Key}={e.Value}"));

    /// <summary>
    /// The network's nodes; before the deployment has created them (manifests downloaded up front), the
    /// profile's count with the names <c>node-0</c>, <c>node-1</c>, ...
    /// </summary>
    private static IEnumerable<string> NodeNames(Network network, NetworkProfile profile) =>
        network.Nodes.Count > 0
            ? network.Nodes.Select(n => n.Name)
            : Enumerable.Range(0, profile.NodeCount).Select(i => $"node-{i}");

    private static IEnumerable<object> NamespaceDocuments(KubernetesOptions options)
    {
        if (options.CreateNamespace)
        {
            yield return new V1Namespace
            {
                ApiVersion = "v1",
                Kind = "Namespace",
                Metadata = new V1ObjectMeta { Name = options.Namespace, Labels = new Dictionary<string, string> { ["app.kubernetes.io/managed-by"] = "nutportal" } },
            };
        }
    }

    private static IEnumerable<object> NodeDocuments(
        Network network, string nodeName, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options)
    {
        var launch = platform.CreateLaunch(profile, new NodeLaunchContext(nodeName, "0.0.0.0", RpcPort, DataDirectory));
        var node = new NodeManifests(
            KubernetesNames.NodeResourceName(network.Name, network.Id, nodeName),
            options.Namespace,
            Labels(network, nodeName, platform),
            Selector(network.Id, nodeName));
        return
        [
            node.ConfigMap(profile, nodeName),
            node.PersistentVolumeClaim(profile.Hardware, options.StorageClassName),
            node.Service(options.HeadlessService),
            node.StatefulSet(launch, profile.Hardware),
        ];
    }

    private static Dictionary<string, string> Labels(Network network, string nodeName, IBlockchainPlatform platform) => new()
    {
        ["app.kubernetes.io/name"] = KubernetesNames.LabelValue(platform.Name),
        ["app.kubernetes.io/instance"] = KubernetesNames.LabelValue(network.Id),
        ["app.kubernetes.io/managed-by"] = "nutportal",
        ["nutportal.io/node"] = KubernetesNames.LabelValue(nodeName),
    };
}
