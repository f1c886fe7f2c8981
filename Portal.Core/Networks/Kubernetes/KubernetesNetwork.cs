using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// One network as the renderer sees it: its nodes, profile and options, and the names, labels and in-cluster
/// addresses its resources get. Given to <see cref="IKubernetesPlatform"/> so every platform names alike.
/// </summary>
public sealed class KubernetesNetwork(Network network, NetworkProfile profile, string platformName, KubernetesOptions options)
{
    public const string NodeLabel = "nutportal.io/node";
    public const string InstanceLabel = "app.kubernetes.io/instance";

    /// <summary>Where a node keeps its chain in its container (the claim's mount).</summary>
    public const string DataDirectory = "/data";

    public NetworkProfile Profile => profile;

    public KubernetesOptions Options => options;

    public string Namespace => options.Namespace;

    /// <summary>
    /// The network's nodes; before the deployment has created them (manifests downloaded up front), the
    /// profile's count with the names the deployment gives them: <c>node-1</c>, <c>node-2</c>, ...
    /// </summary>
    public IReadOnlyList<string> NodeNames { get; } = network.Nodes.Count > 0
        ? network.Nodes.Select(n => n.Name).OrderBy(NodeNumbers.Number).ThenBy(n => n, StringComparer.Ordinal).ToList()
        : Enumerable.Range(1, profile.NodeCount).Select(i => $"node-{i}").ToList();

    /// <summary>The name of every resource of one node (each is a different kind, so they share it).</summary>
    public string ResourceName(string nodeName) => KubernetesNames.NodeResourceName(network.Name, network.Id, nodeName);

    /// <summary>The name of resources the whole network shares.</summary>
    public string NetworkResourceName => KubernetesNames.NodeResourceName(network.Name, network.Id, "");

    /// <summary>The node's Service in cluster DNS: how its peers reach it.</summary>
    public string ServiceHost(string nodeName) => $"{ResourceName(nodeName)}.{Namespace}.svc";

    /// <summary>The labels of a node's resources and pods, or the network's when <paramref name="nodeName"/> is null.</summary>
    public Dictionary<string, string> Labels(string? nodeName)
    {
        var labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/name"] = KubernetesNames.LabelValue(platformName),
            [InstanceLabel] = KubernetesNames.LabelValue(network.Id),
            ["app.kubernetes.io/managed-by"] = "nutportal",
        };
        if (nodeName is not null)
        {
            labels[NodeLabel] = KubernetesNames.LabelValue(nodeName);
        }
        return labels;
    }

    /// <summary>The labels that select a node's pods (or the network's, when null).</summary>
    public Dictionary<string, string> Selector(string? nodeName) => Selector(network.Id, nodeName);

    public static Dictionary<string, string> Selector(string networkId, string? nodeName)
    {
        var selector = new Dictionary<string, string> { [InstanceLabel] = KubernetesNames.LabelValue(networkId) };
        if (nodeName is not null)
        {
            selector[NodeLabel] = KubernetesNames.LabelValue(nodeName);
        }
        return selector;
    }

    /// <summary>The builder for one node's resources, all named <see cref="ResourceName"/>.</summary>
    public NodeManifests Node(string nodeName) => new(ResourceName(nodeName), Namespace, Labels(nodeName), Selector(nodeName));

    /// <summary>The builder for resources the network shares (one pod for every node, say).</summary>
    public NodeManifests Shared(string? suffix = null) =>
        new(suffix is null ? NetworkResourceName : $"{NetworkResourceName}-{suffix}", Namespace, Labels(null), Selector(null));
}
