using Microsoft.Extensions.Logging;
using NutPortal.Core.Networks.Drivers;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks.Kubernetes;

/// <summary>
/// Runs each node as a one-replica StatefulSet. Nodes are found by their labels (network id, node name),
/// so stopping or checking a node needs only the <see cref="NetworkNode"/>, not its network's name.
/// </summary>
public sealed class KubernetesNodeDriver(
    KubernetesManifestRenderer renderer,
    KubectlApplier applier,
    KubectlRunner kubectl,
    IEnumerable<IBlockchainPlatform> platforms,
    ILogger<KubernetesNodeDriver> logger) : INodeDriver
{
    public const string DriverName = "kubernetes";

    // IsRunning and RecentLogLines are synchronous and polled: they must not hang a supervisor pass, so the
    // API request is bounded by kubectl itself and the process by the runner a little later.
    private const string RequestTimeout = "--request-timeout=10s";
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(15);

    public string Name => DriverName;

    /// <summary>Applies the node's manifests (also after a stop: the apply scales it back to one replica).</summary>
    public async Task<int?> StartAsync(NodeStartRequest request, CancellationToken ct)
    {
        applier.EnsureConfigured();
        var platform = platforms.FirstOrDefault(p => p.Name == request.Profile.Platform)
            ?? throw new KubernetesException($"Platform '{request.Profile.Platform}' is not registered", "register it with the portal's services.");
        var options = kubectl.Options;
        var yaml = renderer.RenderNode(request.Network, request.Node.Name, request.Profile, platform, options);
        await applier.ApplyAsync(yaml, ct);

        // The address inside the cluster: right when the portal runs in the cluster, a port-forward target otherwise.
        var name = KubernetesNames.NodeResourceName(request.Network.Name, request.Network.Id, request.Node.Name);
        request.Node.Host = $"{name}.{options.Namespace}.svc";
        request.Node.Port = KubernetesManifestRenderer.RpcPort;
        request.Node.RpcUrl = $"http://{request.Node.Host}:{KubernetesManifestRenderer.RpcPort}";
        return null;
    }

    /// <summary>
    /// Scales the StatefulSet to zero (its volume and chain data stay) and deletes the pod with the given
    /// grace period, so the node gets SIGTERM and time to dump its state before it is killed.
    /// </summary>
    public async Task StopAsync(NetworkNode node, TimeSpan grace, CancellationToken ct)
    {
        applier.EnsureConfigured();
        var scope = Scope(node);
        await kubectl.RunCheckedAsync(["scale", "statefulset", .. scope, "--replicas=0"], null, null, ct);
        var seconds = Math.Max(1, (int)Math.Ceiling(grace.TotalSeconds));
        await kubectl.RunCheckedAsync(
            ["delete", "pod", .. scope, $"--grace-period={seconds}", "--ignore-not-found=true", "--wait=true"],
            null, kubectl.Options.CommandTimeout + TimeSpan.FromSeconds(seconds), ct);
    }

    /// <summary>True when the node's StatefulSet reports a ready replica; false when unknown (no cluster, kubectl failed).</summary>
    public bool IsRunning(NetworkNode node)
    {
        if (!kubectl.Options.IsConfigured)
        {
            return false;
        }
        try
        {
            var result = kubectl.RunCheckedAsync(
                ["get", "statefulset", .. Scope(node), "-o", "jsonpath={.items[*].status.readyReplicas}", RequestTimeout],
                null, QueryTimeout, CancellationToken.None).GetAwaiter().GetResult();
            return result.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Any(r => int.TryParse(r, out var ready) && ready > 0);
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
        if (!kubectl.Options.IsConfigured)
        {
            return [KubernetesException.NotConfigured(kubectl.Options).Message];
        }
        try
        {
            var result = kubectl.RunCheckedAsync(
                ["logs", .. Scope(node), $"--tail={Math.Max(1, max)}", "--container=node", RequestTimeout],
                null, QueryTimeout, CancellationToken.None).GetAwaiter().GetResult();
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return lines.Length <= max ? lines : lines[^max..];
        }
        catch (KubernetesException e)
        {
            return [e.Message];
        }
    }

    private string[] Scope(NetworkNode node) =>
        ["--namespace", kubectl.Options.Namespace, "-l", KubernetesManifestRenderer.SelectorArgument(node.NetworkId, node.Name)];
}
