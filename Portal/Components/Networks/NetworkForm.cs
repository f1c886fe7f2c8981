using NutPortal.Core.Networks;

namespace NutPortal.Web.Components.Networks;

/// <summary>The new-network form's fields, with the profile defaults; validation happens on the profile.</summary>
public sealed class NetworkForm
{
    private static readonly NetworkProfile Defaults = new();

    public string Name { get; set; } = "";

    public string Platform { get; set; } = Defaults.Platform;

    public string Driver { get; set; } = Defaults.Driver;

    public int NodeCount { get; set; } = Defaults.NodeCount;

    public int BlockIntervalSeconds { get; set; } = Defaults.BlockIntervalSeconds;

    public long BlockGasLimit { get; set; } = Defaults.BlockGasLimit;

    public long ChainId { get; set; } = Defaults.ChainId;

    public string Hardfork { get; set; } = Defaults.Hardfork;

    public RestartPolicy RestartPolicy { get; set; } = Defaults.RestartPolicy;

    public int AccountCount { get; set; } = Defaults.Accounts.Count;

    public decimal BalanceEth { get; set; } = Defaults.Accounts.BalanceEth;

    public double Cpus { get; set; } = Defaults.Hardware.Cpus;

    public int MemoryMb { get; set; } = Defaults.Hardware.MemoryMb;

    public int DiskGb { get; set; } = Defaults.Hardware.DiskGb;

    public NetworkProfile ToProfile() => new()
    {
        Name = Name,
        Platform = Platform,
        Driver = Driver,
        NodeCount = NodeCount,
        BlockIntervalSeconds = BlockIntervalSeconds,
        BlockGasLimit = BlockGasLimit,
        ChainId = ChainId,
        Hardfork = Hardfork,
        RestartPolicy = RestartPolicy,
        Accounts = new AccountsSpec { Count = AccountCount, BalanceEth = BalanceEth },
        Hardware = new HardwareSpec { Cpus = Cpus, MemoryMb = MemoryMb, DiskGb = DiskGb },
    };
}
