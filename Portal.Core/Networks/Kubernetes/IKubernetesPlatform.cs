using k8s;
using k8s.Models;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// A platform whose networks can run on Kubernetes describes them here: the resources (ConfigMaps, claims,
/// Services, StatefulSets, and references to Secrets it never fills) in apply order, without the Namespace.
/// Resources of one node carry that node's label (<see cref="KubernetesNetwork.NodeLabel"/>), so the driver can
/// apply one node at a time.
/// </summary>
public interface IKubernetesPlatform
{
    IEnumerable<IKubernetesObject<V1ObjectMeta>> KubernetesResources(KubernetesNetwork network);
}
