namespace NutPortal.Core.Networks;

/// <summary>A network's status follows from its nodes once deployment has finished.</summary>
public static class NetworkStatusRules
{
    public static NetworkStatus Derive(NetworkStatus current, IReadOnlyCollection<NetworkNode> nodes)
    {
        if (current is NetworkStatus.Deploying or NetworkStatus.Failed || nodes.Count == 0)
        {
            return current;
        }
        var up = nodes.Count(n => n.Status == NodeStatus.Up);
        if (up == nodes.Count)
        {
            return NetworkStatus.Running;
        }
        if (nodes.All(n => n.Status == NodeStatus.Stopped))
        {
            return NetworkStatus.Stopped;
        }
        // Down nodes may still be restarted by the supervisor; only nodes that gave up make the network Failed.
        return nodes.All(n => n.Status is NodeStatus.Failed or NodeStatus.Stopped) ? NetworkStatus.Failed : NetworkStatus.Degraded;
    }
}
