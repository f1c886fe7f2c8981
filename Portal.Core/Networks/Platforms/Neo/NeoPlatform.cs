using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Options;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms.Transfers;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// Neo N3 private networks run by neo-express 3.5.20: 1, 4 or 7 consensus nodes, one process each, agreeing by
/// dBFT 2.0. With n = 3f + 1 nodes the chain goes on while 2f + 1 are up; a wiped node downloads the chain again.
/// </summary>
public sealed class NeoPlatform(NodeRpc rpc, IOptions<NetworkOptions> options) : IBlockchainPlatform, IKubernetesPlatform, IBlockSource, IChainBrowser, ITransferPlatform
{
    private readonly NeoExpress _tool = NeoExpress.From(options.Value);
    private readonly NeoBrowser _browser = new(rpc);
    private readonly NeoTransfers _transfers = new(rpc, NeoExpress.From(options.Value));
    public const string PlatformName = "neo-express";

    public string Name => PlatformName;

    public string DisplayName => "Neo N3 (neo-express)";

    public string Description => "Neo N3 consensus nodes (neo-express " + NeoExpress.Version + ", Neo 3.5) agreeing by dBFT: one of four may fail and blocks go on; NEO and GAS as NEP-17 tokens.";

    public PlatformCapabilities Capabilities { get; } = new(
        NodeCount: new IntRange(1, 7),
        NodeCountNote: "dBFT needs 3f + 1 consensus nodes: 1, 4 or 7 (neo-express makes no other counts).",
        Consensus: ["dbft"],
        BlockIntervalSeconds: new IntRange(1, 600),
        BlockGasLimit: new LongRange(0, long.MaxValue),
        ChainId: new LongRange(1, uint.MaxValue),
        Hardforks: [],
        DefaultHardfork: "",
        AccountCount: new IntRange(0, 0),
        Drivers: ["local"],
        RuntimeChanges: [],
        AllowedNodeCounts: [1, 4, 7],
        NodeOperations: ["start", "stop", "restart", "resync"],
        Features: [PlatformFeatures.Workloads],
        ProfileFields: ["chainId", "neo.maxTransactionsPerBlock"]);

    public PlatformFacts Facts { get; } = new(
        Engine: "neo-express " + NeoExpress.Version + " (Neo 3.5)",
        ConsensusAlgorithm: "dBFT 2.0 (delegated Byzantine fault tolerance)",
        ConsensusParameters: new Dictionary<string, string>
        {
            ["nodeCount"] = "Consensus nodes n = 3f + 1: 1, 4 or 7",
            ["blockIntervalSeconds"] = "Block time (neo-express --seconds-per-block)",
            ["neo.maxTransactionsPerBlock"] = $"{NeoSettings.EngineMaxTransactionsPerBlock}, fixed by neo-express",
            ["chainId"] = "Network magic",
        },
        SignatureScheme: "ECDSA over secp256r1 (NIST P-256); consensus blocks signed by an m-of-n multi-signature",
        HashFunctions: ["SHA-256 (block and transaction hashes: double SHA-256)", "RIPEMD-160 (script hashes)", "Murmur3 (bloom filters)"],
        NodeCounts: "1, 4 or 7 consensus nodes",
        AccountModel: "Accounts (script hashes) with NEP-17 token balances (NEO, GAS)",
        ContractSupport: "NeoVM smart contracts (C#, Python, Go and others compiled to NEF); the portal does not compile them",
        FaultRule: "dBFT makes blocks while at least 2f + 1 of 3f + 1 consensus nodes are up (3 of 4, 5 of 7, 1 of 1).",
        PortalDrivenBlocks: false,
        InstallCommand: NeoExpress.InstallCommand);

    public IEnumerable<ProfileError> Validate(NetworkProfile profile)
    {
        if (!Capabilities.AllowedNodeCounts!.Contains(profile.NodeCount))
        {
            yield return new("nodeCount", $"{Capabilities.NodeCountNote} Got {profile.NodeCount}.");
        }
        if (profile.Consensus != "dbft")
        {
            yield return new("consensus", "neo-express runs dBFT: set consensus to \"dbft\".");
        }
        if (profile.Neo.MaxTransactionsPerBlock != NeoSettings.EngineMaxTransactionsPerBlock)
        {
            yield return new("neo.maxTransactionsPerBlock", $"neo-express {NeoExpress.Version} fixes this at {NeoSettings.EngineMaxTransactionsPerBlock}; got {profile.Neo.MaxTransactionsPerBlock}.");
        }
        if (profile.Accounts.Count != 0)
        {
            yield return new("accounts.count", "Neo networks get no portal-funded accounts: the consensus nodes' wallets hold the NEO and GAS. Set accounts.count to 0.");
        }
    }

    public Task<string> ConfigureAsync(NetworkProfile profile, IReadOnlyList<NodeLaunchContext> nodes, CancellationToken ct) =>
        NeoExpressFile.WriteAsync(_tool, profile, nodes, ct);

    public NodeLaunch CreateLaunch(NetworkProfile profile, NodeLaunchContext context)
    {
        _tool.EnsureInstalled();
        return new NodeLaunch("dotnet",
            [_tool.AssemblyPath, "run", "-i", NeoExpressFile.PathFor(context.DataDirectory), "-s", profile.BlockIntervalSeconds.ToString(CultureInfo.InvariantCulture),
                context.Index.ToString(CultureInfo.InvariantCulture)],
            "", "neo-express/" + NeoExpress.Version, NeoExpress.ProcessEnvironment(context.DataDirectory));
    }

    /// <summary>Manifests for download (the portal runs Neo nodes locally): see <see cref="NeoKubernetes"/>.</summary>
    public IEnumerable<IKubernetesObject<V1ObjectMeta>> KubernetesResources(KubernetesNetwork network) => NeoKubernetes.Resources(network);

    public async Task<NodeChainState> ReadStateAsync(NetworkNode node, CancellationToken ct)
    {
        var r = await rpc.BatchAsync(Url(node), [("getblockcount", []), ("getbestblockhash", []), ("getconnectioncount", []), ("getrawmempool", []), ("getversion", [])], null, ct);
        // Each value read on its own, so a wrong-shaped answer names the call that gave it.
        return new NodeChainState(NodeRpc.Read(r[0], c => c.GetInt64() - 1, "getblockcount answer"), NodeRpc.Read(r[1], h => h.GetString()!, "getbestblockhash answer"),
            NodeRpc.Read(r[2], c => c.GetInt32(), "getconnectioncount answer"), NodeRpc.Read(r[3], m => m.GetArrayLength(), "getrawmempool answer"),
            NodeRpc.Read(r[4], v => v.GetProperty("useragent").GetString()!, "getversion answer"));
    }

    public Task PrepareNodeAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct) => Task.CompletedTask;

    public async Task WipeChainDataAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct) =>
        await _tool.RunAsync(node.DataDirectory, ["reset", NodeNumbers.Index(node).ToString(CultureInfo.InvariantCulture), "-f", "-i", NeoExpressFile.PathFor(node.DataDirectory)], ct);

    /// <summary>Every Neo node the portal runs is a consensus node.</summary>
    public bool ProducesBlocks(NetworkProfile profile, NetworkNode node) => true;

    public bool CanProduceBlocks(NetworkProfile profile, IReadOnlyCollection<NetworkNode> nodes)
    {
        var faulty = (nodes.Count - 1) / 3;
        return nodes.Count(n => n.Status == NodeStatus.Up) >= nodes.Count - faulty;
    }

    public Task<NetworkNode?> ProduceBlockAsync(NetworkProfile profile, IReadOnlyCollection<NetworkNode> nodes, CancellationToken ct) =>
        Task.FromResult<NetworkNode?>(null); // dBFT makes blocks on its own timer

    public Task FundAccountAsync(NetworkNode node, string address, decimal balance, CancellationToken ct) =>
        throw new InvalidOperationException("Neo profiles have accounts.count 0 (validated), so no account is funded.");

    public Task ApplyRuntimeSettingsAsync(NetworkNode node, int? blockIntervalSeconds, long? blockGasLimit, CancellationToken ct) =>
        throw new InvalidOperationException("Neo networks list no run-time settings (validated before this call).");

    public async Task<string> VerifyAsync(NetworkProfile profile, IReadOnlyList<NetworkNode> nodes, CancellationToken ct)
    {
        long magic;
        try
        {
            var version = await rpc.CallAsync(Url(nodes[0]), "getversion", [], null, ct);
            magic = NodeRpc.Read(version, v => v.GetProperty("protocol").GetProperty("network").GetInt64(), "getversion answer");
        }
        catch (NodeRpcException ex)
        {
            throw new NodeStartException($"{nodes[0].Name} gave no network magic: {ex.Message}", "Open the node's log: it may have stopped.", ex);
        }
        if (magic != profile.ChainId)
        {
            throw new NodeStartException($"The node reports network magic {magic}, the profile asks for {profile.ChainId}.", "Delete the network and create it again.");
        }
        var start = (await ReadStateAsync(nodes[0], ct)).Height;
        var wait = TimeSpan.FromSeconds(profile.BlockIntervalSeconds * 4 + 15);
        await BlockWait.UntilEveryNodeAsync(nodes, async n => (await ReadStateAsync(n, ct)).Height, h => h > start, wait,
            $"Not every consensus node reached a block after {start} within {wait.TotalSeconds:0} s.", "Open the nodes' logs: dBFT needs the nodes to reach each other on their P2P ports.", ct);
        return $"Network magic {magic}; {nodes.Count} consensus node(s) agree on new blocks.";
    }

    public Task<ChainBalances> ReadBalancesAsync(NetworkNode node, string address, CancellationToken ct) => NeoReads.BalancesAsync(rpc, Url(node), address, ct);

    public Task<ChainCallResult> CallReadOnlyAsync(NetworkNode node, ChainCall call, CancellationToken ct) => NeoReads.CallAsync(rpc, Url(node), call, ct);

    /// <summary>One batch of verbose getblock calls by index; Neo block times are milliseconds.</summary>
    public async Task<IReadOnlyList<BlockStat>> ReadBlocksAsync(NetworkNode node, long from, long to, CancellationToken ct)
    {
        var blocks = await rpc.BatchAsync(Url(node), [.. Enumerable.Range(0, (int)(to - from + 1)).Select(i => ("getblock", new object[] { from + i, true }))], null, ct);
        return [.. blocks.Select(b => NodeRpc.Read(b, x => new BlockStat(x.GetProperty("index").GetInt64(),
            DateTime.UnixEpoch.AddMilliseconds(x.GetProperty("time").GetInt64()), x.GetProperty("tx").GetArrayLength()), "getblock answer"))];
    }

    public Task<BrowsedBlocks> BrowseBlocksAsync(NetworkNode node, long? fromHeight, int count, CancellationToken ct) => _browser.BlocksAsync(Url(node), fromHeight, count, ct);

    public Task<BrowsedBlock> BrowseBlockAsync(NetworkNode node, string heightOrHash, CancellationToken ct) => _browser.BlockAsync(Url(node), heightOrHash, ct);

    public Task<BrowsedTransaction> BrowseTransactionAsync(NetworkNode node, string id, CancellationToken ct) => _browser.TransactionAsync(Url(node), id, ct);

    public Task<BrowsedAddress> BrowseAddressAsync(NetworkNode node, string address, CancellationToken ct) => _browser.AddressAsync(Url(node), address, ct);

    public Task<string> PrepareTransfersAsync(NetworkProfile profile, NetworkNode sender, IReadOnlyList<NetworkNode> nodes, int transfers, CancellationToken ct) =>
        _transfers.PrepareAsync(sender, nodes, transfers, ct);

    public Task<string> SendTransferAsync(NetworkNode sender, CancellationToken ct) => _transfers.SendAsync(sender, ct);

    public Task<NodeView> ViewAsync(NetworkNode node, CancellationToken ct) => _transfers.ViewAsync(node, ct);

    public Task<BlockView> BlockAsync(NetworkNode node, string hash, CancellationToken ct) => _transfers.BlockAsync(node, hash, ct);

    /// <summary>Any consensus node can hold the portal wallet and send.</summary>
    public bool CanSend(NetworkProfile profile, NetworkNode node) => true;

    public Task<string?> ProducerKeyAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct) => NeoTransfers.ConsensusKeyAsync(node, ct);

    /// <summary>dBFT: a block is final once made (its validators signed it before it was published).</summary>
    public int FinalityDepth(NetworkProfile profile) => 1;

    private static Uri Url(NetworkNode node) => new(node.RpcUrl ?? throw new NodeRpcException($"{node.Name} has no RPC address yet."));
}
