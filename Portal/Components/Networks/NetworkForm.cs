using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Litecoin;
using NutPortal.Core.Networks.Platforms.Neo;

namespace NutPortal.Web.Components.Networks;

/// <summary>The new-network form's fields, with the profile defaults; validation happens on the profile.</summary>
public sealed class NetworkForm
{
    /// <summary>The profile field (as <see cref="ProfileValidator"/> and the API name it) each form property sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        [nameof(Name)] = "name",
        [nameof(Platform)] = "platform",
        [nameof(Driver)] = "driver",
        [nameof(NodeCount)] = "nodeCount",
        [nameof(BlockIntervalSeconds)] = "blockIntervalSeconds",
        [nameof(BlockGasLimit)] = "blockGasLimit",
        [nameof(ChainId)] = "chainId",
        [nameof(Hardfork)] = "hardfork",
        [nameof(Consensus)] = "consensus",
        [nameof(RestartPolicy)] = "restartPolicy",
        [nameof(AccountCount)] = "accounts.count",
        [nameof(BalanceEth)] = "accounts.balanceEth",
        [nameof(Cpus)] = "hardware.cpus",
        [nameof(MemoryMb)] = "hardware.memoryMb",
        [nameof(DiskGb)] = "hardware.diskGb",
        [nameof(NeoMaxTransactionsPerBlock)] = "neo.maxTransactionsPerBlock",
        [nameof(LitecoinBlockMaxWeight)] = "litecoin.blockMaxWeight",
        [nameof(LitecoinMiningNodes)] = "litecoin.miningNodes",
        [nameof(LitecoinConfirmations)] = "litecoin.confirmations",
    };

    private static readonly NetworkProfile Defaults = new();

    public string Name { get; set; } = "";

    public string Platform { get; set; } = Defaults.Platform;

    public string Driver { get; set; } = Defaults.Driver;

    public int NodeCount { get; set; } = Defaults.NodeCount;

    public int BlockIntervalSeconds { get; set; } = Defaults.BlockIntervalSeconds;

    public long BlockGasLimit { get; set; } = Defaults.BlockGasLimit;

    public long ChainId { get; set; } = Defaults.ChainId;

    public string Hardfork { get; set; } = Defaults.Hardfork;

    public string Consensus { get; set; } = Defaults.Consensus;

    public RestartPolicy RestartPolicy { get; set; } = Defaults.RestartPolicy;

    public int AccountCount { get; set; } = Defaults.Accounts.Count;

    public decimal BalanceEth { get; set; } = Defaults.Accounts.BalanceEth;

    public double Cpus { get; set; } = Defaults.Hardware.Cpus;

    public int MemoryMb { get; set; } = Defaults.Hardware.MemoryMb;

    public int DiskGb { get; set; } = Defaults.Hardware.DiskGb;

    public int NeoMaxTransactionsPerBlock { get; set; } = Defaults.Neo.MaxTransactionsPerBlock;

    public int LitecoinBlockMaxWeight { get; set; } = Defaults.Litecoin.BlockMaxWeight;

    /// <summary>The mining nodes' numbers as typed ("1, 2"), so a server message stays on it until it is edited.</summary>
    public string LitecoinMiningNodes { get; set; } = string.Join(", ", Defaults.Litecoin.MiningNodes);

    public int LitecoinConfirmations { get; set; } = Defaults.Litecoin.Confirmations;

    /// <summary>Why <see cref="LitecoinMiningNodes"/> is not a list of numbers, or null when it is.</summary>
    public string? MiningNodesTypo => MiningNodeNumbers().Typo is { } typo ? $"Type node numbers separated by commas (e.g. 1, 2); '{typo}' is not a number." : null;

    /// <summary>
    /// The profile for the chosen platform: a consensus or hardfork left from another platform falls back to this
    /// one's first, and a platform without portal-funded accounts gets none.
    /// </summary>
    public NetworkProfile ToProfile(PlatformCapabilities caps) => new()
    {
        Name = Name,
        Platform = Platform,
        Driver = Driver,
        NodeCount = NodeCount,
        BlockIntervalSeconds = BlockIntervalSeconds,
        BlockGasLimit = BlockGasLimit,
        ChainId = ChainId,
        Hardfork = caps.Hardforks.Count == 0 || caps.Hardforks.Contains(Hardfork) ? Hardfork : caps.DefaultHardfork,
        Consensus = caps.Consensus.Contains(Consensus) ? Consensus : caps.Consensus[0],
        RestartPolicy = RestartPolicy,
        Accounts = new AccountsSpec { Count = caps.AccountCount.Max == 0 ? 0 : AccountCount, BalanceEth = BalanceEth },
        Hardware = new HardwareSpec { Cpus = Cpus, MemoryMb = MemoryMb, DiskGb = DiskGb },
        Neo = new NeoSettings { MaxTransactionsPerBlock = NeoMaxTransactionsPerBlock },
        Litecoin = new LitecoinSettings { BlockMaxWeight = LitecoinBlockMaxWeight, MiningNodes = MiningNodeNumbers().Numbers, Confirmations = LitecoinConfirmations },
    };

    private (IReadOnlyList<int> Numbers, string? Typo) MiningNodeNumbers()
    {
        var numbers = new List<int>();
        foreach (var part in LitecoinMiningNodes.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return ([], part);
            }
            numbers.Add(number);
        }
        return (numbers, null);
    }
}
