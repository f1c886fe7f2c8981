using k8s;
using k8s.Models;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Applies and deletes typed resources through the API server. Applying is server-side apply (one PATCH per
/// resource with the <c>nutportal</c> field manager): it creates what is missing and updates what exists, so
/// applying twice is the same as once. Deleting a resource that is already gone is fine.
/// </summary>
public sealed class KubernetesApplier(KubernetesCluster cluster)
{
    public const string FieldManager = "nutportal";

    /// <summary>Applies the resources in order (a pod's ConfigMap, claim and Service before its StatefulSet).</summary>
    public async Task ApplyAsync(IEnumerable<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken ct)
    {
        var client = cluster.Client;
        foreach (var resource in resources)
        {
            await KubernetesApiCall.RunAsync("apply", resource.Kind, resource.Metadata.NamespaceProperty, resource.Metadata.Name,
                () => ApplyOneAsync(client, resource, ct), ct);
        }
    }

    /// <summary>
    /// Deletes the resources in reverse order (the StatefulSet before what its pods use). A Namespace is refused:
    /// deleting it would take every other network in the namespace with it.
    /// </summary>
    public async Task DeleteAsync(IEnumerable<IKubernetesObject<V1ObjectMeta>> resources, CancellationToken ct)
    {
        var list = resources.ToList();
        if (list.OfType<V1Namespace>().Any())
        {
            throw new ArgumentException("The resources contain a Namespace: take them from KubernetesManifestRenderer.ResourcesForDeletion.", nameof(resources));
        }
        var client = cluster.Client;
        foreach (var resource in Enumerable.Reverse(list))
        {
            await KubernetesApiCall.RunAsync("delete", resource.Kind, resource.Metadata.NamespaceProperty, resource.Metadata.Name,
                () => DeleteOneAsync(client, resource, ct), ct, missingIsFine: true);
        }
    }

    private static async Task ApplyOneAsync(IKubernetes k, IKubernetesObject<V1ObjectMeta> resource, CancellationToken ct)
    {
        var patch = new V1Patch(resource, V1Patch.PatchType.ApplyPatch);
        var (name, ns) = (resource.Metadata.Name, resource.Metadata.NamespaceProperty);
        _ = resource switch
        {
            V1Namespace => await k.CoreV1.PatchNamespaceAsync(patch, name, fieldManager: FieldManager, force: true, cancellationToken: ct) as object,
            V1ConfigMap => await k.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: ct),
            V1Secret => await k.CoreV1.PatchNamespacedSecretAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: ct),
            V1PersistentVolumeClaim => await k.CoreV1.PatchNamespacedPersistentVolumeClaimAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: ct),
            V1Service => await k.CoreV1.PatchNamespacedServiceAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: ct),
            V1StatefulSet => await k.AppsV1.PatchNamespacedStatefulSetAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: ct),
            _ => throw new ArgumentException($"Cannot apply a {resource.Kind}: the portal renders only Namespaces, ConfigMaps, Secrets, claims, Services and StatefulSets.", nameof(resource)),
        };
    }

    private static async Task DeleteOneAsync(IKubernetes k, IKubernetesObject<V1ObjectMeta> resource, CancellationToken ct)
    {
        var (name, ns) = (resource.Metadata.Name, resource.Metadata.NamespaceProperty);
        _ = resource switch
        {
            V1ConfigMap => await k.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, cancellationToken: ct) as object,
            V1Secret => await k.CoreV1.DeleteNamespacedSecretAsync(name, ns, cancellationToken: ct),
            V1PersistentVolumeClaim => await k.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(name, ns, cancellationToken: ct),
            V1Service => await k.CoreV1.DeleteNamespacedServiceAsync(name, ns, cancellationToken: ct),
            // Background: the API server answers at once and the garbage collector removes the pods.
            V1StatefulSet => await k.AppsV1.DeleteNamespacedStatefulSetAsync(name, ns, propagationPolicy: "Background", cancellationToken: ct),
            _ => throw new ArgumentException($"Cannot delete a {resource.Kind}.", nameof(resource)),
        };
    }
}
