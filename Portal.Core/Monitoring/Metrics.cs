namespace NutPortal.Core.Monitoring;

public enum MetricScope
{
    Network,
    Node,
}

/// <summary>A metric the collector records: its name in the API, whether it is per network or per node, and its unit.</summary>
public sealed record MetricDefinition(string Name, MetricScope Scope, string Unit, string Description);

/// <summary>Every metric the portal records. Names are the API's (<c>/metrics/{name}</c>) and the alert rules'.</summary>
public static class Metrics
{
    public const string Tps = "tps";
    public const string BlockIntervalSeconds = "blockIntervalSeconds";
    public const string TransactionsPerBlock = "transactionsPerBlock";
    public const string GasUsedPercent = "gasUsedPercent";
    public const string PendingTransactions = "pendingTransactions";
    public const string BlockHeight = "blockHeight";
    public const string SecondsSinceLastBlock = "secondsSinceLastBlock";
    public const string NodeUp = "nodeUp";
    public const string PeerCount = "peerCount";
    public const string CpuPercent = "cpuPercent";
    public const string MemoryBytes = "memoryBytes";
    public const string DiskBytes = "diskBytes";
    public const string HeightLag = "heightLag";
    public const string BlockProducersUp = "blockProducersUp";

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(Tps, MetricScope.Network, "tx/s", "Transactions per second over the blocks produced since the previous sample"),
        new(BlockIntervalSeconds, MetricScope.Network, "s", "Average time between those blocks (block timestamps)"),
        new(TransactionsPerBlock, MetricScope.Network, "tx", "Average transactions per block over those blocks"),
        new(GasUsedPercent, MetricScope.Network, "%", "Average gas used as a share of the block gas limit"),
        new(PendingTransactions, MetricScope.Network, "tx", "Transactions waiting in the node's pool (txpool_status pending)"),
        new(BlockHeight, MetricScope.Network, "block", "Latest block number"),
        new(SecondsSinceLastBlock, MetricScope.Network, "s", "Seconds since the latest block's timestamp: grows while the chain does not advance"),
        new(NodeUp, MetricScope.Node, "bool", "1 while the node's process runs and answers, else 0"),
        new(PeerCount, MetricScope.Node, "peers", "Connections to other nodes (in and out); anvil has no peer-to-peer layer, so always 0 there"),
        new(HeightLag, MetricScope.Node, "blocks", "Blocks the node is behind the network's best node"),
        new(BlockProducersUp, MetricScope.Network, "nodes", "Nodes up that make blocks: Neo consensus nodes, Litecoin mining nodes, the anvil node"),
        new(CpuPercent, MetricScope.Node, "%", "CPU used by the node's process (100 = one core)"),
        new(MemoryBytes, MetricScope.Node, "B", "Resident memory of the node's process (VmRSS)"),
        new(DiskBytes, MetricScope.Node, "B", "Size of the node's data folder"),
    ];

    public static MetricDefinition? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    public static string NameList => string.Join(", ", All.Select(m => m.Name));
}
