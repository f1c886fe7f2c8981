using k8s;
using k8s.Autorest;
using k8s.Models;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Waits for a StatefulSet to report all its replicas ready: one read, then a watch on that StatefulSet from the
/// read's resource version, so a change is seen when it happens rather than on a polling interval.
/// </summary>
public sealed class KubernetesReadiness(KubernetesCluster cluster)
{
    /// <summary>Returns once the StatefulSet is ready; throws a <see cref="KubernetesException"/> naming it at the timeout.</summary>
    public async Task WaitForStatefulSetAsync(string ns, string name, TimeSpan timeout, CancellationToken ct)
    {
        var client = cluster.Client;
        var resource = KubernetesApiCall.Resource("StatefulSet", ns, name);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var last = "not read yet";
        try
        {
            while (true)
            {
                var set = await client.AppsV1.ReadNamespacedStatefulSetAsync(name, ns, cancellationToken: deadline.Token);
                last = Describe(set);
                if (IsReady(set))
                {
                    return;
                }
                var events = client.AppsV1.WatchListNamespacedStatefulSetAsync(
                    ns, fieldSelector: $"metadata.name={name}", resourceVersion: set.Metadata.ResourceVersion, cancellationToken: deadline.Token);
                await foreach (var (type, item) in events)
                {
                    if (type == WatchEventType.Deleted)
                    {
                        throw new KubernetesException($"{resource} was deleted while the portal waited for it to become ready", "start the node again.");
                    }
                    if (type is WatchEventType.Added or WatchEventType.Modified)
                    {
                        last = Describe(item);
                        if (IsReady(item))
                        {
                            return;
                        }
                    }
                }
                // The API server ends watches after a while: read again and watch on.
            }
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested && !deadline.IsCancellationRequested)
        {
            throw new KubernetesException($"Could not watch {resource}: the API server did not answer in time",
                $"check that the cluster is reachable, or raise {KubernetesOptions.Section}:RequestTimeoutSeconds.", e);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new KubernetesException(
                $"{resource} did not become ready within {timeout.TotalSeconds:0} s ({last})",
                $"look at its pod's events and log (image pull, volume, readiness probe), or raise {KubernetesOptions.Section}:ReadyTimeoutSeconds.");
        }
        catch (HttpOperationException e)
        {
            throw KubernetesApiCall.Failed("watch", resource, e);
        }
        catch (HttpRequestException e)
        {
            throw KubernetesApiCall.Unreachable("watch", resource, e);
        }
    }

    /// <summary>Every wanted replica is ready and the controller has seen the latest spec.</summary>
    public static bool IsReady(V1StatefulSet set) =>
        set.Status is { } status
        && (status.ObservedGeneration ?? 0) >= (set.Metadata.Generation ?? 0)
        && (status.ReadyReplicas ?? 0) >= (set.Spec?.Replicas ?? 1);

    private static string Describe(V1StatefulSet set) =>
        $"{set.Status?.ReadyReplicas ?? 0} of {set.Spec?.Replicas ?? 1} replica(s) ready";
}
