namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// A kind of blockchain the portal can run. A platform describes itself, validates profiles against what it
/// supports, writes the network-wide configuration its nodes share, says how to launch one node, reads a
/// node's chain state and decides whether the network can still make blocks. Drivers decide where a launch
/// happens; nothing outside a platform's folder asks which chain it is.
/// </summary>
public interface IBlockchainPlatform
{
    string Name { get; }

    string DisplayName { get; }

    string Description { get; }

    PlatformCapabilities Capabilities { get; }

    /// <summary>What the chain is: consensus and its parameters, signatures, hashes, accounts, contracts, fault rule.</summary>
    PlatformFacts Facts { get; }

    /// <summary>Platform-specific checks (the generic ranges are checked by <see cref="ProfileValidator"/>).</summary>
    IEnumerable<ProfileError> Validate(NetworkProfile profile);

    /// <summary>
    /// Writes what the nodes of a network share (keys, genesis, peer ports) once every node has its ports and
    /// before any starts; also run again when nodes are added. Returns a line for the deployment step.
    /// </summary>
    Task<string> ConfigureAsync(NetworkProfile profile, IReadOnlyList<NodeLaunchContext> nodes, CancellationToken ct);

    /// <summary>The command that runs one node of this profile with the given endpoints and data folder.</summary>
    NodeLaunch CreateLaunch(NetworkProfile profile, NodeLaunchContext context);

    /// <summary>Reads the node's chain state over its RPC; throws <see cref="NodeRpcException"/> when it does not answer.</summary>
    Task<NodeChainState> ReadStateAsync(NetworkNode node, CancellationToken ct);

    /// <summary>Runs once a node answers RPC (for example, loads the wallet a mining node pays its coinbase to).</summary>
    Task PrepareNodeAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct);

    /// <summary>Removes a stopped node's chain data so it downloads the chain from its peers when it starts again.</summary>
    Task WipeChainDataAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct);

    /// <summary>Whether this node takes part in making blocks (a consensus node, a mining node).</summary>
    bool ProducesBlocks(NetworkProfile profile, NetworkNode node);

    /// <summary>The platform's fault rule: whether these nodes (their statuses as stored) can still produce blocks.</summary>
    bool CanProduceBlocks(NetworkProfile profile, IReadOnlyCollection<NetworkNode> nodes);

    /// <summary>
    /// For chains whose blocks come only when asked (<see cref="PlatformFacts.PortalDrivenBlocks"/>): makes one block
    /// on one of the up block-producing nodes. Returns the node that made it, or null when none can.
    /// </summary>
    Task<NetworkNode?> ProduceBlockAsync(NetworkProfile profile, IReadOnlyCollection<NetworkNode> nodes, CancellationToken ct);

    /// <summary>Gives a portal-generated account its starting balance (only where <see cref="PlatformCapabilities.AccountCount"/> allows accounts).</summary>
    Task FundAccountAsync(NetworkNode node, string address, decimal balance, CancellationToken ct);

    /// <summary>Applies run-time settings listed in <see cref="PlatformCapabilities.RuntimeChanges"/> to one running node.</summary>
    Task ApplyRuntimeSettingsAsync(NetworkNode node, int? blockIntervalSeconds, long? blockGasLimit, CancellationToken ct);

    /// <summary>Checks the running network: its identity matches the profile and blocks are produced on every node.</summary>
    Task<string> VerifyAsync(NetworkProfile profile, IReadOnlyList<NetworkNode> nodes, CancellationToken ct);

    /// <summary>
    /// What an address holds, read from one node: the native coin first, then tokens. Input the chain does not
    /// take throws <see cref="ChainReadException"/>; a node that does not answer (or answers garbage) <see cref="NodeRpcException"/>.
    /// </summary>
    Task<ChainBalances> ReadBalancesAsync(NetworkNode node, string address, CancellationToken ct);

    /// <summary>A read-only contract call on one node: nothing is signed, sent or stored on the chain.</summary>
    Task<ChainCallResult> CallReadOnlyAsync(NetworkNode node, ChainCall call, CancellationToken ct);
}

/// <summary>Where a node listens and keeps its data, decided by the driver. Ports: RPC at <see cref="Port"/>, peer-to-peer at Port + 1, a third at Port + 2.</summary>
public sealed record NodeLaunchContext(string NodeName, string Host, int Port, string DataDirectory, int Index = 0, IReadOnlyList<NodeLaunchContext>? Peers = null)
{
    public int P2pPort => Port + 1;

    public int ExtraPort => Port + 2;
}

/// <summary>How to run a node: an executable with arguments (and environment) locally, or a container image with the same arguments.</summary>
public sealed record NodeLaunch(string Executable, IReadOnlyList<string> Arguments, string ContainerImage, string Version, IReadOnlyDictionary<string, string>? Environment = null);

/// <summary>What a platform supports, published by <c>GET /api/v1/platforms</c> so forms and clients can adapt.</summary>
public sealed record PlatformCapabilities(
    IntRange NodeCount,
    string NodeCountNote,
    IReadOnlyList<string> Consensus,
    IntRange BlockIntervalSeconds,
    LongRange BlockGasLimit,
    LongRange ChainId,
    IReadOnlyList<string> Hardforks,
    string DefaultHardfork,
    IntRange AccountCount,
    IReadOnlyList<string> Drivers,
    IReadOnlyList<string> RuntimeChanges,
    IReadOnlyList<int>? AllowedNodeCounts = null,
    IReadOnlyList<string>? NodeOperations = null,
    IReadOnlyList<string>? Features = null,
    IReadOnlyList<string>? ProfileFields = null)
{
    /// <summary>Profile fields every platform reads; <see cref="ProfileFields"/> lists the ones a platform reads besides.</summary>
    public static readonly IReadOnlyList<string> CommonProfileFields =
        ["name", "platform", "driver", "nodeCount", "consensus", "blockIntervalSeconds", "restartPolicy", "hardware.cpus", "hardware.memoryMb", "hardware.diskGb"];

    /// <summary>Whether the platform reads this profile field (as <see cref="ProfileValidator"/> names it), so a form shows it.</summary>
    public bool Reads(string field) => CommonProfileFields.Contains(field) || ProfileFields?.Contains(field) == true;

    /// <summary>Portal features that work on the platform's networks (<see cref="PlatformFeatures"/>); others leave its networks alone.</summary>
    public bool Supports(string feature) => Features?.Contains(feature) == true;

    /// <summary>Whether its nodes take this operation (start, stop, restart, upgrade, resync, add, remove); no list means every one.</summary>
    public bool Allows(string operation) => NodeOperations?.Contains(operation) ?? true;
}

/// <summary>Portal features a platform's networks may support.</summary>
public static class PlatformFeatures
{
    /// <summary>The chain indexer, explorer pages and transaction traces.</summary>
    public const string Explorer = "explorer";

    /// <summary>Solidity contract deployment and calls.</summary>
    public const string Contracts = "contracts";

    /// <summary>Chain metrics from block contents (TPS, block interval, gas used, pending transactions).</summary>
    public const string ChainMetrics = "chain-metrics";

    /// <summary>Signed-transfer and contract-call workloads.</summary>
    public const string Workloads = "workloads";

    /// <summary>Ethereum JSON-RPC through the portal's authenticated gateway (<c>/rpc/{networkId}</c>).</summary>
    public const string Gateway = "gateway";

    /// <summary>Wallet accounts (secp256k1 keys, Ethereum transactions): balances, tokens, history and sends.</summary>
    public const string Wallets = "wallets";

    /// <summary>A development network whose funded account may pay wallet accounts from the faucet.</summary>
    public const string Faucet = "faucet";
}

public sealed record IntRange(int Min, int Max);

public sealed record LongRange(long Min, long Max);
