using k8s;
using k8s.Models;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Renders a network as Kubernetes resources (KubernetesClient's typed models), described by its platform
/// (<see cref="IKubernetesPlatform"/>): for download as YAML written by the client's own serialiser, and for the
/// driver to apply through the API server.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An injected service: callers take it from DI.")]
public sealed class KubernetesManifestRenderer
{
    /// <summary>Whether the platform describes its networks for Kubernetes.</summary>
    public static bool CanRender(IBlockchainPlatform platform) => platform is IKubernetesPlatform;

    /// <summary>Every resource of the network, after a Namespace when the options create it.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Resources(Network network, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options) =>
        [.. NamespaceResources(options), .. Describe(network, profile, platform, options)];

    /// <summary>The same resources without the Namespace: deleting the namespace would delete every other network in it.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> ResourcesForDeletion(Network network, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options) =>
        [.. Describe(network, profile, platform, options)];

    /// <summary>One node's resources (and the Namespace when the options create it): what the driver applies.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> NodeResources(Network network, string nodeName, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options)
    {
        var label = KubernetesNames.LabelValue(nodeName);
        return [.. NamespaceResources(options), .. Describe(network, profile, platform, options)
            .Where(r => r.Metadata.Labels?.TryGetValue(KubernetesNetwork.NodeLabel, out var node) == true && node == label)];
    }

    /// <summary>The network's manifests as multi-document YAML.</summary>
    public string Render(Network network, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options) =>
        KubernetesYaml.SerializeAll(Resources(network, profile, platform, options));

    /// <summary>The labels that select one node's resources, as a label selector (<c>k=v,k=v</c>).</summary>
    public static string LabelSelector(string networkId, string nodeName) =>
        string.Join(',', KubernetesNetwork.Selector(networkId, nodeName).Select(e => $"{e.Key}={e.Value}"));

    private static IEnumerable<IKubernetesObject<V1ObjectMeta>> Describe(Network network, NetworkProfile profile, IBlockchainPlatform platform, KubernetesOptions options) =>
        platform is IKubernetesPlatform kubernetes
            ? kubernetes.KubernetesResources(new KubernetesNetwork(network, profile, platform.Name, options))
            : throw new KubernetesException($"{platform.DisplayName} has no Kubernetes description", "run its networks on the local driver.");

    private static IEnumerable<IKubernetesObject<V1ObjectMeta>> NamespaceResources(KubernetesOptions options)
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
}
