using System.Globalization;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms.Transfers;

namespace NutPortal.Core.Networks.Platforms.Litecoin;

/// <summary>
/// Litecoin Core 0.21 (Debian's litecoind) in regtest: any number of nodes, each peered with every other, proof of
/// work at regtest difficulty. Regtest mines only when asked, so the portal asks the mining nodes in turn for one
/// block every blockIntervalSeconds. A node added later downloads the chain from its peers.
/// </summary>
public sealed class LitecoinPlatform(LitecoinNode rpc, IOptions<NetworkOptions> options) : IBlockchainPlatform, IKubernetesPlatform, ITransferPlatform, IBlockSource, IChainBrowser
{
    private readonly LitecoinTransfers _transfers = new(rpc);
    private readonly LitecoinBrowser _browser = new(rpc);
    public const string PlatformName = "litecoin";
    public const string InstallCommand = "apt-get install -y litecoind";
    private int _nextMiner;

    public string Name => PlatformName;

    public string DisplayName => "Litecoin (regtest)";

    public string Description => "Litecoin Core 0.21 nodes in regtest, all peered with each other: proof of work, UTXOs, blocks mined by the chosen nodes on the portal's interval; nodes can join and download the chain.";

    public PlatformCapabilities Capabilities { get; } = new(
        NodeCount: new IntRange(1, 16),
        NodeCountNote: "Any number of nodes from 1 to 16; every node peers with every other.",
        Consensus: ["pow"],
        BlockIntervalSeconds: new IntRange(1, 3600),
        BlockGasLimit: new LongRange(0, long.MaxValue),
        ChainId: new LongRange(0, long.MaxValue),
        Hardforks: [],
        DefaultHardfork: "",
        AccountCount: new IntRange(0, 0),
        Drivers: ["local"],
        RuntimeChanges: ["blockIntervalSeconds"],
        NodeOperations: ["start", "stop", "restart", "resync", "add", "remove"],
        Features: [PlatformFeatures.Workloads],
        ProfileFields: ["litecoin.blockMaxWeight", "litecoin.miningNodes", "litecoin.confirmations"]);

    public PlatformFacts Facts { get; } = new(
        Engine: "Litecoin Core 0.21 (regtest)",
        ConsensusAlgorithm: "Proof of work (Scrypt), longest chain by work",
        ConsensusParameters: new Dictionary<string, string>
        {
            ["nodeCount"] = "1 to 16 nodes, each peered with all others",
            ["blockIntervalSeconds"] = "The portal asks a mining node for a block this often (regtest mines on request)",
            ["litecoin.blockMaxWeight"] = "Largest block a mining node assembles, in weight units (at most 4,000,000)",
            ["litecoin.miningNodes"] = "Which nodes mine (numbers, 1 = node-1)",
            ["litecoin.confirmations"] = "Blocks (the including one counted) after which a transaction counts as final; 6 by default",
        },
        SignatureScheme: "ECDSA over secp256k1",
        HashFunctions: ["Scrypt (proof of work)", "double SHA-256 (block and transaction ids)", "RIPEMD-160 of SHA-256 (addresses)"],
        NodeCounts: "1 to 16; nodes can be added to and removed from a running network",
        AccountModel: "UTXO (unspent transaction outputs)",
        ContractSupport: "Bitcoin Script only (no general smart contracts)",
        FaultRule: "Blocks go on while at least one mining node is up; other nodes only relay and validate.",
        PortalDrivenBlocks: true,
        InstallCommand: InstallCommand);

    public IEnumerable<ProfileError> Validate(NetworkProfile profile)
    {
        if (profile.Consensus != "pow")
        {
            yield return new("consensus", "Litecoin runs proof of work: set consensus to \"pow\".");
        }
        var settings = profile.Litecoin;
        if (settings.BlockMaxWeight is < 4_000 or > 4_000_000)
        {
            yield return new("litecoin.blockMaxWeight", $"Must be between 4000 and 4000000 weight units; got {settings.BlockMaxWeight}.");
        }
        if (settings.MiningNodes.Count == 0 || settings.MiningNodes.Any(n => n < 1 || n > profile.NodeCount) || settings.MiningNodes.Distinct().Count() != settings.MiningNodes.Count)
        {
            yield return new("litecoin.miningNodes", $"List one or more different node numbers from 1 to {profile.NodeCount}; got [{string.Join(", ", settings.MiningNodes)}].");
        }
        if (settings.Confirmations is < 1 or > LitecoinSettings.MaxConfirmations)
        {
            yield return new("litecoin.confirmations", $"Must be between 1 and {LitecoinSettings.MaxConfirmations} blocks; got {settings.Confirmations}.");
        }
        if (profile.Accounts.Count != 0)
        {
            yield return new("accounts.count", "Litecoin networks get no portal-funded accounts: the mining nodes' wallets receive the mined coins. Set accounts.count to 0.");
        }
    }

    public Task<string> ConfigureAsync(NetworkProfile profile, IReadOnlyList<NodeLaunchContext> nodes, CancellationToken ct) =>
        Task.FromResult($"Each node peers with all others: {string.Join(", ", nodes.Select(n => $"{n.NodeName} RPC {n.Port} P2P {n.P2pPort}"))}.");

    public NodeLaunch CreateLaunch(NetworkProfile profile, NodeLaunchContext context)
    {
        var binary = options.Value.LitecoindPath;
        if (!File.Exists(binary))
        {
            throw new NodeStartException($"litecoind is not installed ({binary} is missing).", $"Install it: {InstallCommand} (or set Portal:Networks:LitecoindPath).");
        }
        var arguments = new List<string>
        {
            "-regtest", "-datadir=" + context.DataDirectory, "-printtoconsole=1",
            $"-port={context.P2pPort}", $"-bind={context.Host}", $"-rpcport={context.Port}", $"-rpcbind={context.Host}", $"-rpcallowip={context.Host}",
            "-dnsseed=0", "-upnp=0", "-listenonion=0", "-discover=0", "-fallbackfee=0.0001", "-txindex=1",
            "-blockmaxweight=" + profile.Litecoin.BlockMaxWeight.ToString(CultureInfo.InvariantCulture),
        };
        var peers = context.Peers ?? [];
        arguments.AddRange(peers.Where(p => p.NodeName != context.NodeName).Select(p => $"-addnode={p.Host}:{p.P2pPort}"));
        // A fresh regtest node is in initial block download, and then takes blocks only from peers it dialled
        // itself (when it has any). -addnode retries a refused dial only after 60 s, so non-mining nodes that came
        // up before the miner dialled just each other and ignored the miner's blocks on its own connections to them.
        // The network's own hosts get noban, which makes their inbound connections block sources too.
        arguments.AddRange(peers.Select(p => p.Host).Append(context.Host).Distinct(StringComparer.Ordinal).Select(h => $"-whitelist=noban@{h}"));
        return new NodeLaunch(binary, arguments, "", "litecoind/0.21");
    }

    /// <summary>Manifests for download (the portal runs Litecoin nodes locally): see <see cref="LitecoinKubernetes"/>.</summary>
    public IEnumerable<IKubernetesObject<V1ObjectMeta>> KubernetesResources(KubernetesNetwork network) => LitecoinKubernetes.Resources(network);

    public async Task<NodeChainState> ReadStateAsync(NetworkNode node, CancellationToken ct)
    {
        var r = await rpc.BatchAsync(node, [("getblockchaininfo", []), ("getconnectioncount", []), ("getmempoolinfo", []), ("getnetworkinfo", [])], ct);
        // Each value read on its own, so a wrong-shaped answer names the call that gave it.
        return new NodeChainState(NodeRpc.Read(r[0], i => i.GetProperty("blocks").GetInt64(), "getblockchaininfo answer"),
            NodeRpc.Read(r[0], i => i.GetProperty("bestblockhash").GetString()!, "getblockchaininfo answer"), NodeRpc.Read(r[1], c => c.GetInt32(), "getconnectioncount answer"),
            NodeRpc.Read(r[2], m => m.GetProperty("size").GetInt32(), "getmempoolinfo answer"), NodeRpc.Read(r[3], n => n.GetProperty("subversion").GetString()!, "getnetworkinfo answer"));
    }

    public async Task PrepareNodeAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct)
    {
        rpc.Forget(node);
        if (IsMiner(profile, node))
        {
            await rpc.MiningAddressAsync(node, ct);
        }
    }

    public Task WipeChainDataAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct)
    {
        // Blocks and the UTXO set go; the wallet (and its mining address) stays.
        foreach (var folder in new[] { "blocks", "chainstate", "indexes" })
        {
            var path = Path.Combine(node.DataDirectory, "regtest", folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        return Task.CompletedTask;
    }

    public bool ProducesBlocks(NetworkProfile profile, NetworkNode node) => IsMiner(profile, node);

    public bool CanProduceBlocks(NetworkProfile profile, IReadOnlyCollection<NetworkNode> nodes) =>
        nodes.Any(n => n.Status == NodeStatus.Up && IsMiner(profile, n));

    public async Task<NetworkNode?> ProduceBlockAsync(NetworkProfile profile, IReadOnlyCollection<NetworkNode> nodes, CancellationToken ct)
    {
        var miners = nodes.Where(n => n.Status == NodeStatus.Up && IsMiner(profile, n)).OrderBy(NodeNumbers.Number).ToList();
        if (miners.Count == 0)
        {
            return null;
        }
        var miner = miners[Interlocked.Increment(ref _nextMiner) % miners.Count];
        await rpc.CallAsync(miner, "generatetoaddress", [1, await rpc.MiningAddressAsync(miner, ct)], ct);
        return miner;
    }

    public Task FundAccountAsync(NetworkNode node, string address, decimal balance, CancellationToken ct) =>
        throw new InvalidOperationException("Litecoin profiles have accounts.count 0 (validated), so no account is funded.");

    /// <summary>The block interval is the portal's own mining schedule, read from the stored profile: nothing to tell the node.</summary>
    public Task ApplyRuntimeSettingsAsync(NetworkNode node, int? blockIntervalSeconds, long? blockGasLimit, CancellationToken ct) => Task.CompletedTask;

    public async Task<string> VerifyAsync(NetworkProfile profile, IReadOnlyList<NetworkNode> nodes, CancellationToken ct)
    {
        var miner = await ProduceBlockAsync(profile, nodes, ct) ?? throw new NodeStartException("No mining node is up.", "Check litecoin.miningNodes and the nodes' logs.");
        var target = await ReadStateAsync(miner, ct);
        var wait = TimeSpan.FromSeconds(30);
        await BlockWait.UntilEveryNodeAsync(nodes, async n => (await ReadStateAsync(n, ct)).Height, h => h >= target.Height, wait,
            $"Not every node received block {target.Height} from {miner.Name} within {wait.TotalSeconds:0} s.", "Open the nodes' logs: the nodes must reach each other on their P2P ports.", ct);
        return $"{miner.Name} mined block {target.Height}; all {nodes.Count} node(s) have it.";
    }

    public Task<ChainBalances> ReadBalancesAsync(NetworkNode node, string address, CancellationToken ct) => LitecoinReads.BalancesAsync(rpc, node, address, ct);

    public Task<ChainCallResult> CallReadOnlyAsync(NetworkNode node, ChainCall call, CancellationToken ct) => throw LitecoinReads.NoContracts();

    public Task<string> PrepareTransfersAsync(NetworkProfile profile, NetworkNode sender, IReadOnlyList<NetworkNode> nodes, int transfers, CancellationToken ct) =>
        _transfers.PrepareAsync(sender, nodes, transfers, ct);

    public Task<string> SendTransferAsync(NetworkNode sender, CancellationToken ct) => _transfers.SendAsync(sender, ct);

    public Task<IReadOnlyList<BlockStat>> ReadBlocksAsync(NetworkNode node, long from, long to, CancellationToken ct) =>
        LitecoinReads.BlocksAsync(rpc, node, from, to, ct);

    public Task<NodeView> ViewAsync(NetworkNode node, CancellationToken ct) => _transfers.ViewAsync(node, ct);

    public Task<BlockView> BlockAsync(NetworkNode node, string hash, CancellationToken ct) => _transfers.BlockAsync(node, hash, ct);

    public Task<BrowsedBlocks> BrowseBlocksAsync(NetworkNode node, long? fromHeight, int count, CancellationToken ct) => _browser.BlocksAsync(node, fromHeight, count, ct);

    public Task<BrowsedBlock> BrowseBlockAsync(NetworkNode node, string heightOrHash, CancellationToken ct) => _browser.BlockAsync(node, heightOrHash, ct);

    public Task<BrowsedTransaction> BrowseTransactionAsync(NetworkNode node, string id, CancellationToken ct) => _browser.TransactionAsync(node, id, ct);

    public Task<BrowsedAddress> BrowseAddressAsync(NetworkNode node, string address, CancellationToken ct) => _browser.AddressAsync(node, address, ct);

    /// <summary>Mining nodes hold the portal's wallet and its coinbase coins.</summary>
    public bool CanSend(NetworkProfile profile, NetworkNode node) => IsMiner(profile, node);

    /// <summary>A mining node's "portal" wallet address, which the portal mines to.</summary>
    public async Task<string?> ProducerKeyAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct) =>
        IsMiner(profile, node) ? await rpc.MiningAddressAsync(node, ct) : null;

    /// <summary>The profile's confirmations (six by default, the usual rule for proof of work: a deeper reorganisation is unlikely).</summary>
    public int FinalityDepth(NetworkProfile profile) => profile.Litecoin.Confirmations;

    private static bool IsMiner(NetworkProfile profile, NetworkNode node) => profile.Litecoin.MiningNodes.Contains(NodeNumbers.Number(node));
}
