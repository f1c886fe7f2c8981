namespace NutPortal.Core.Networks;

/// <summary>A network's status follows from its nodes once deployment has finished.</summary>
public static class NetworkStatusRules
{
    /// <param name="canProduceBlocks">The platform's fault rule applied to these nodes (dBFT: 2f + 1 of 3f + 1 up; proof of work: a miner up).</param>
    public static NetworkStatus Derive(NetworkStatus current, IReadOnlyCollection<NetworkNode> nodes, bool canProduceBlocks = true)
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
        if (nodes.All(n => n.Status is NodeStatus.Failed or NodeStatus.Stopped))
        {
            return NetworkStatus.Failed;
        }
        // Some nodes are out: Degraded while the rest can still agree on blocks, Halted when they cannot.
        return canProduceBlocks ? NetworkStatus.Degraded : NetworkStatus.Halted;
    }
}
