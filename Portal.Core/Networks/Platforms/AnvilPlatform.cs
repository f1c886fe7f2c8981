using System.Globalization;
using NutPortal.Core.Tooling;

namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// Ethereum nodes run by anvil (npm @foundry-rs/anvil). Anvil nodes do not peer with one another, so a
/// network of this platform is one node. Chain data is dumped to the node's folder every second and loaded
/// at start, so blocks survive a restart or a crash.
/// </summary>
public sealed class AnvilPlatform : IBlockchainPlatform
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
        RuntimeChanges: ["blockIntervalSeconds", "blockGasLimit"]);

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

    /// <summary>
    /// The anvil binary from the npm package; plain <c>anvil</c> (found on PATH, or in a container image) when the
    /// package is not installed here, so manifests still render and a local start fails with a clear error.
    /// </summary>
    public static string BinaryPath() =>
        RepositoryLayout.NodePackage(BinaryPackage) is { } package ? Path.Combine(package, "bin", "anvil") : "anvil";
}
