using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Runs each node as a one-replica StatefulSet through the API server. Nodes are found by their labels (network
/// id, node name), so stopping or checking a node needs only the <see cref="NetworkNode"/>, not its network's name.
/// </summary>
public sealed class KubernetesNodeDriver(
    KubernetesManifestRenderer renderer,
    KubernetesApplier applier,
    KubernetesReadiness readiness,
    KubernetesCluster cluster,
    IEnumerable<IBlockchainPlatform> platforms,
    ILogger<KubernetesNodeDriver> logger) : INodeDriver
{
    public const string DriverName = "kubernetes";

    // IsRunning and RecentLogLines are synchronous and polled: they must not hang a supervisor pass.
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(10);

    public string Name => DriverName;

    /// <summary>
    /// Applies the node's resources (also after a stop: the apply sets one replica again) and waits until its
    /// StatefulSet reports the pod ready, so a pod that cannot start fails the step with the reason.
    /// </summary>
    public async Task<int?> StartAsync(NodeStartRequest request, CancellationToken ct)
    {
        cluster.EnsureConfigured();
        var platform = Platform(request.Profile);
        var options = cluster.Options;
        var resources = renderer.NodeResources(request.Network, request.Node.Name, request.Profile, platform, options);
        var set = resources.OfType<V1StatefulSet>().SingleOrDefault()
            ?? throw new KubernetesException($"{platform.DisplayName} runs no StatefulSet per node", "run its networks on the local driver and download their manifests.");
        await applier.ApplyAsync(resources, ct);
        await readiness.WaitForStatefulSetAsync(set.Metadata.NamespaceProperty, set.Metadata.Name, options.ReadyTimeout, ct);

        // The address inside the cluster: right when the portal runs in the cluster, a port-forward target otherwise.
        var service = resources.OfType<V1Service>().First();
        var port = service.Spec.Ports[0].Port;
        request.Node.Host = $"{service.Metadata.Name}.{options.Namespace}.svc";
        request.Node.Port = port;
        request.Node.RpcUrl = $"http://{request.Node.Host}:{port}";
        return null;
    }

    /// <summary>
    /// Scales the node's StatefulSet to zero (its volume and chain data stay) and deletes its pod with the given
    /// grace period, so the node gets SIGTERM and time to dump its state before it is killed. A later start
    /// cannot race the old pod: a StatefulSet never runs two pods of one ordinal.
    /// </summary>
    public async Task StopAsync(NetworkNode node, TimeSpan grace, CancellationToken ct)
    {
        var client = cluster.Client;
        var ns = cluster.Options.Namespace;
        var selector = Selector(node);
        var sets = await Call("list", "StatefulSets", ns, selector, () => client.AppsV1.ListNamespacedStatefulSetAsync(ns, labelSelector: selector, cancellationToken: ct), ct);
        var scale = new V1Patch("{\"spec\":{\"replicas\":0}}", V1Patch.PatchType.MergePatch);
        foreach (var set in sets.Items)
        {
            await KubernetesApiCall.RunAsync("scale", "StatefulSet", ns, set.Metadata.Name,
                () => client.AppsV1.PatchNamespacedStatefulSetScaleAsync(scale, set.Metadata.Name, ns, fieldManager: KubernetesApplier.FieldManager, cancellationToken: ct), ct);
        }
        var seconds = Math.Max(1, (long)Math.Ceiling(grace.TotalSeconds));
        await KubernetesApiCall.RunAsync("delete", "Pods", ns, selector,
            () => client.CoreV1.DeleteCollectionNamespacedPodAsync(ns, labelSelector: selector, gracePeriodSeconds: (int)seconds, cancellationToken: ct), ct);
    }

    /// <summary>
    /// Deletes every resource of the network from the cluster, volumes (and so chain data) included, never the
    /// namespace; resources already gone are skipped, so it is safe to repeat after a failure.
    /// </summary>
    public Task DeleteNetworkAsync(Network network, NetworkProfile profile, CancellationToken ct) =>
        applier.DeleteAsync(renderer.ResourcesForDeletion(network, profile, Platform(profile), cluster.Options), ct);

    /// <summary>True when the node's StatefulSet reports a ready replica; false when unknown (no cluster, API error).</summary>
    public bool IsRunning(NetworkNode node)
    {
        if (!cluster.Options.IsConfigured)
        {
            return false;
        }
        try
        {
            using var timeout = new CancellationTokenSource(QueryTimeout);
            var ns = cluster.Options.Namespace;
            var sets = Call("list", "StatefulSets", ns, Selector(node),
                () => cluster.Client.AppsV1.ListNamespacedStatefulSetAsync(ns, labelSelector: Selector(node), cancellationToken: timeout.Token), timeout.Token)
                .GetAwaiter().GetResult();
            return sets.Items.Any(s => (s.Status?.ReadyReplicas ?? 0) > 0);
        }
        catch (KubernetesException e)
        {
            logger.LogWarning("Could not check node {Node} of network {Network}: {Error}", node.Name, node.NetworkId, e.Message);
            return false;
        }
    }

    /// <summary>The pod's last log lines; when they cannot be read, one line saying why.</summary>
    public IReadOnlyList<string> RecentLogLines(NetworkNode node, int max)
    {
        if (!cluster.Options.IsConfigured)
        {
            return [KubernetesException.NotConfigured(cluster.Options).Message];
        }
        try
        {
            return ReadLogAsync(node, Math.Max(1, max)).GetAwaiter().GetResult();
        }
        catch (KubernetesException e)
        {
            return [e.Message];
        }
    }

    private async Task<IReadOnlyList<string>> ReadLogAsync(NetworkNode node, int max)
    {
        using var timeout = new CancellationTokenSource(QueryTimeout);
        var client = cluster.Client;
        var ns = cluster.Options.Namespace;
        var pods = await Call("list", "Pods", ns, Selector(node), () => client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: Selector(node), cancellationToken: timeout.Token), timeout.Token);
        if (pods.Items.Count == 0)
        {
            return [$"{node.Name} has no pod in namespace {ns} (stopped, or not started yet)."];
        }
        var pod = pods.Items[0].Metadata.Name;
        var text = await Call("read the log of", "Pod", ns, pod, async () =>
        {
            await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod, ns, container: "node", tailLines: max, cancellationToken: timeout.Token);
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync(timeout.Token);
        }, timeout.Token);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length <= max ? lines : lines[^max..];
    }

    private IBlockchainPlatform Platform(NetworkProfile profile) =>
        platforms.FirstOrDefault(p => p.Name == profile.Platform)
            ?? throw new KubernetesException($"Platform '{profile.Platform}' is not registered", "register it with the portal's services.");

    private static async Task<T> Call<T>(string verb, string kind, string ns, string name, Func<Task<T>> call, CancellationToken ct)
    {
        T result = default!;
        await KubernetesApiCall.RunAsync(verb, kind, ns, name, async () => result = await call(), ct);
        return result;
    }

    private static string Selector(NetworkNode node) => KubernetesManifestRenderer.LabelSelector(node.NetworkId, node.Name);
}
