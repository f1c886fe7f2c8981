using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Networks.Platforms.Litecoin;
using NutPortal.Core.Networks.Platforms.Neo;
using System.Text.Json.Serialization;

namespace NutPortal.Core.Networks;

/// <summary>What an operator asks for: the network's platform, size, chain settings and per-node hardware.</summary>
public sealed record NetworkProfile
{
    public string Name { get; init; } = "";

    public string Platform { get; init; } = AnvilPlatform.PlatformName;

    /// <summary>Where nodes run: <c>local</c> (child processes of the portal) or <c>kubernetes</c>.</summary>
    public string Driver { get; init; } = "local";

    public int NodeCount { get; init; } = 1;

    /// <summary>The platform's consensus algorithm: <c>dev</c> (anvil), <c>dbft</c> (Neo), <c>pow</c> (Litecoin).</summary>
    public string Consensus { get; init; } = "dev";

    /// <summary>Seconds between blocks; 0 mines a block per transaction.</summary>
    public int BlockIntervalSeconds { get; init; } = 1;

    /// <summary>Block size as a gas limit.</summary>
    public long BlockGasLimit { get; init; } = 30_000_000;

    public long ChainId { get; init; } = 31337;

    /// <summary>The platform's software version; for anvil, the EVM hardfork.</summary>
    public string Hardfork { get; init; } = "prague";

    public AccountsSpec Accounts { get; init; } = new();

    public HardwareSpec Hardware { get; init; } = new();

    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.OnFailure;

    /// <summary>Settings only the neo-express platform reads.</summary>
    public NeoSettings Neo { get; init; } = new();

    /// <summary>Settings only the litecoin platform reads.</summary>
    public LitecoinSettings Litecoin { get; init; } = new();
}

/// <summary>Test accounts the portal generates and funds at deployment (keys encrypted at rest).</summary>
public sealed record AccountsSpec
{
    public int Count { get; init; } = 4;

    /// <summary>Balance of each account in ether.</summary>
    public decimal BalanceEth { get; init; } = 1000m;
}

/// <summary>Per-node hardware: requests and limits on Kubernetes, recorded for local nodes.</summary>
public sealed record HardwareSpec
{
    public double Cpus { get; init; } = 1;

    public int MemoryMb { get; init; } = 1024;

    public int DiskGb { get; init; } = 10;
}

[JsonConverter(typeof(JsonStringEnumConverter<RestartPolicy>))]
public enum RestartPolicy
{
    [JsonStringEnumMemberName("never")]
    Never,

    [JsonStringEnumMemberName("on-failure")]
    OnFailure,

    [JsonStringEnumMemberName("always")]
    Always,
}
