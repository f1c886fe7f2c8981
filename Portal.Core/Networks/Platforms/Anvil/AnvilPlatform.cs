using System.Globalization;
using System.Numerics;
using k8s;
using k8s.Models;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Tooling;

namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// Ethereum nodes run by anvil (npm @foundry-rs/anvil). Anvil nodes do not peer with one another, so a
/// network of this platform is one node. Chain data is dumped to the node's folder every second and loaded
/// at start, so blocks survive a restart or a crash. (It keeps the namespace it had before platforms got
/// folders, so code that names it, such as the throw-away test chain, did not have to change.)
/// </summary>
public sealed class AnvilPlatform(NodeRpc? rpc = null) : IBlockchainPlatform, IKubernetesPlatform
{
    public const string PlatformName = "ethereum-anvil";
    public const string AnvilVersion = "1.7.1";
    private const string BinaryPackage = "@foundry-rs/anvil-linux-amd64";

    public static IReadOnlyList<string> Hardforks { get; } =
        ["prague", "cancun", "shanghai", "paris", "london", "berlin", "istanbul", "petersburg", "constantinople", "byzantium"];

    public string Name => PlatformName;

    public string DisplayName => "Ethereum (anvil)";

    public string Description => "A real Ethereum node (anvil " + AnvilVersion + ") per network: instant or interval mining, any hardfork from Byzantium to Prague, chain data kept across restarts.";

    public PlatformCapabilities Capabilities { get; } = new(
        NodeCount: new IntRange(1, 1),
        NodeCountNote: "Anvil nodes do not peer with one another: an ethereum-anvil network runs exactly one node.",
        Consensus: ["dev"],
        BlockIntervalSeconds: new IntRange(0, 3600),
        BlockGasLimit: new LongRange(21_000, 1_000_000_000),
        ChainId: new LongRange(1, 4_294_967_295),
        Hardforks: Hardforks,
        DefaultHardfork: "prague",
        AccountCount: new IntRange(0, 100),
        Drivers: ["local", "kubernetes"],
        RuntimeChanges: ["blockIntervalSeconds", "blockGasLimit"],
        AllowedNodeCounts: [1],
        NodeOperations: ["start", "stop", "restart", "upgrade"],
        Features: [PlatformFeatures.Explorer, PlatformFeatures.ChainMetrics, PlatformFeatures.Contracts, PlatformFeatures.Workloads, PlatformFeatures.Gateway,
            PlatformFeatures.Wallets, PlatformFeatures.Faucet],
        ProfileFields: ["blockGasLimit", "chainId", "hardfork", "accounts.count", "accounts.balanceEth"]);

    public PlatformFacts Facts { get; } = new(
        Engine: "anvil " + AnvilVersion,
        ConsensusAlgorithm: "Single sealer (development mining)",
        ConsensusParameters: new Dictionary<string, string>
        {
            ["blockIntervalSeconds"] = "Seconds between blocks; 0 mines one block per transaction",
            ["blockGasLimit"] = "Gas per block",
        },
        SignatureScheme: "ECDSA over secp256k1 (recoverable, EIP-155 / EIP-1559 transactions)",
        HashFunctions: ["Keccak-256"],
        NodeCounts: "1",
        AccountModel: "Accounts with balances and nonces",
        ContractSupport: "EVM smart contracts (Solidity, compiled by the portal)",
        FaultRule: "The single node must be up.",
        PortalDrivenBlocks: false,
        InstallCommand: "npm ci (installs @foundry-rs/anvil-linux-amd64)");

    public IEnumerable<ProfileError> Validate(NetworkProfile profile)
    {
        if (profile.NodeCount != 1)
        {
            yield return new ProfileError("nodeCount", $"{Capabilities.NodeCountNote} Got {profile.NodeCount}.");
        }
        if (!Capabilities.Consensus.Contains(profile.Consensus))
        {
            yield return new ProfileError("consensus", $"ethereum-anvil supports consensus: {string.Join(", ", Capabilities.Consensus)}.");
        }
        if (!Hardforks.Contains(profile.Hardfork))
        {
            yield return new ProfileError("hardfork", $"Unknown hardfork '{profile.Hardfork}'. Allowed: {string.Join(", ", Hardforks)}.");
        }
    }

    public Task<string> ConfigureAsync(NetworkProfile profile, IReadOnlyList<NodeLaunchContext> nodes, CancellationToken ct) =>
        Task.FromResult("Anvil needs no shared configuration.");

    public NodeLaunch CreateLaunch(NetworkProfile profile, NodeLaunchContext context)
    {
        var arguments = new List<string>
        {
            "--host", context.Host,
            "--port", context.Port.ToString(CultureInfo.InvariantCulture),
            "--chain-id", profile.ChainId.ToString(CultureInfo.InvariantCulture),
            "--gas-limit", profile.BlockGasLimit.ToString(CultureInfo.InvariantCulture),
            "--hardfork", profile.Hardfork,
            // The portal generates and funds its own accounts; anvil's well-known dev keys are not created.
            "--accounts", "0",
            "--state", Path.Combine(context.DataDirectory, "state.json"),
            "--state-interval", "1",
        };
        if (profile.BlockIntervalSeconds > 0)
        {
            arguments.Add("--block-time");
            arguments.Add(profile.BlockIntervalSeconds.ToString(CultureInfo.InvariantCulture));
        }
        return new NodeLaunch(BinaryPath(), arguments, $"ghcr.io/foundry-rs/foundry:v{AnvilVersion}", $"anvil/v{AnvilVersion}");
    }

    /// <summary>Per node a StatefulSet running this launch in foundry's image (see <see cref="LaunchManifests"/>).</summary>
    public IEnumerable<IKubernetesObject<V1ObjectMeta>> KubernetesResources(KubernetesNetwork network) => LaunchManifests.PerNode(network, this);

    /// <summary>
    /// The anvil binary from the npm package; plain <c>anvil</c> (found on PATH, or in a container image) when the
    /// package is not installed here, so manifests still render and a local start fails with a clear error.
    /// </summary>
    public static string BinaryPath() =>
        RepositoryLayout.NodePackage(BinaryPackage) is { } package ? Path.Combine(package, "bin", "anvil") : "anvil";

    public async Task<NodeChainState> ReadStateAsync(NetworkNode node, CancellationToken ct)
    {
        var r = await Rpc.BatchAsync(Url(node), [("eth_getBlockByNumber", ["latest", false]), ("txpool_status", []), ("web3_clientVersion", [])], null, ct);
        return NodeRpc.Read(r[0], b => new NodeChainState(
            (long)Hex(b.GetProperty("number").GetString()!), b.GetProperty("hash").GetString()!, 0,
            (int)Hex(r[1].GetProperty("pending").GetString()!), r[2].GetString()!), "anvil state");
    }

    public Task PrepareNodeAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct) => Task.CompletedTask;

    public Task WipeChainDataAsync(NetworkProfile profile, NetworkNode node, CancellationToken ct)
    {
        File.Delete(Path.Combine(node.DataDirectory, "state.json"));
        return Task.CompletedTask;
    }

    public bool ProducesBlocks(NetworkProfile profile, NetworkNode node) => true;

    public bool CanProduceBlocks(NetworkProfile profile, IReadOnlyCollection<NetworkNode> nodes) => nodes.Any(n => n.Status == NodeStatus.Up);

    /// <summary>Anvil mines by itself (interval or automine), so the portal never asks it for blocks.</summary>
    public Task<NetworkNode?> ProduceBlockAsync(NetworkProfile profile, IReadOnlyCollection<NetworkNode> nodes, CancellationToken ct) =>
        Task.FromResult<NetworkNode?>(null);

    public async Task FundAccountAsync(NetworkNode node, string address, decimal balance, CancellationToken ct)
    {
        var wei = new BigInteger(balance * 1_000_000m) * BigInteger.Pow(10, 12);
        await Rpc.CallAsync(Url(node), "anvil_setBalance", [address, ToHex(wei)], null, ct);
    }

    public async Task ApplyRuntimeSettingsAsync(NetworkNode node, int? blockIntervalSeconds, long? blockGasLimit, CancellationToken ct)
    {
        if (blockIntervalSeconds is { } seconds)
        {
            // Interval 0 means a block per transaction (automine); otherwise a block every N seconds.
            await Rpc.CallAsync(Url(node), "evm_setAutomine", [seconds == 0], null, ct);
            await Rpc.CallAsync(Url(node), "evm_setIntervalMining", [seconds], null, ct);
        }
        if (blockGasLimit is { } limit)
        {
            await Rpc.CallAsync(Url(node), "evm_setBlockGasLimit", [ToHex(limit)], null, ct);
        }
    }

    public async Task<string> VerifyAsync(NetworkProfile profile, IReadOnlyList<NetworkNode> nodes, CancellationToken ct)
    {
        var url = Url(nodes[0]);
        var chainId = NodeRpc.Read(await Rpc.CallAsync(url, "eth_chainId", [], null, ct), e => (long)Hex(e.GetString()!), "chain id");
        if (chainId != profile.ChainId)
        {
            throw new NodeStartException($"The node reports chain id {chainId}, the profile asks for {profile.ChainId}.", "Delete the network and create it again; if it repeats, the node software ignores --chain-id.");
        }
        var start = (await ReadStateAsync(nodes[0], ct)).Height;
        if (profile.BlockIntervalSeconds == 0)
        {
            // Automine makes blocks only for transactions: ask for one block to prove the node can produce them.
            await Rpc.CallAsync(url, "evm_mine", [], null, ct);
        }
        var wait = TimeSpan.FromSeconds(profile.BlockIntervalSeconds * 3 + 5);
        await BlockWait.UntilAsync(async () => (await ReadStateAsync(nodes[0], ct)).Height > start, wait,
            $"No new block within {wait.TotalSeconds:0} s.", "Check the node's log; a very large block interval makes this step wait longer.", ct);
        return $"Chain id {chainId}; blocks are being produced.";
    }

    public Task<ChainBalances> ReadBalancesAsync(NetworkNode node, string address, CancellationToken ct) => AnvilReads.BalancesAsync(Rpc, Url(node), address, ct);

    public Task<ChainCallResult> CallReadOnlyAsync(NetworkNode node, ChainCall call, CancellationToken ct) => AnvilReads.CallAsync(Rpc, Url(node), call, ct);

    private NodeRpc Rpc => rpc ?? throw new InvalidOperationException("This AnvilPlatform was made for rendering only; resolve it from the container to talk to nodes.");

    private static Uri Url(NetworkNode node) => new(node.RpcUrl ?? throw new NodeRpcException($"{node.Name} has no RPC address yet."));

    private static BigInteger Hex(string value) => BigInteger.Parse("0" + value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string ToHex(BigInteger value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0');
}
