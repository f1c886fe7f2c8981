using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Core.Networks;

/// <summary>Checks a profile against the chosen platform's capabilities; every error names its field and the allowed range.</summary>
public sealed class ProfileValidator(IEnumerable<IBlockchainPlatform> platforms)
{
    public const int MaxNameLength = 64;

    public IReadOnlyList<ProfileError> Validate(NetworkProfile profile)
    {
        var errors = new List<ProfileError>();
        if (string.IsNullOrWhiteSpace(profile.Name) || profile.Name.Length > MaxNameLength
            || !profile.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ' '))
        {
            errors.Add(new("name", $"A name is 1 to {MaxNameLength} letters, digits, spaces, '-' or '_'."));
        }
        var platform = platforms.FirstOrDefault(p => p.Name == profile.Platform);
        if (platform is null)
        {
            errors.Add(new("platform", $"Unknown platform '{profile.Platform}'. Available: {string.Join(", ", platforms.Select(p => p.Name))}."));
            return errors;
        }
        // The platform's own messages explain more (e.g. why anvil runs one node); generic range checks fill the rest.
        var platformErrors = platform.Validate(profile).ToList();
        var c = platform.Capabilities;
        if (!c.Drivers.Contains(profile.Driver))
        {
            errors.Add(new("driver", $"Unknown driver '{profile.Driver}'. Allowed: {string.Join(", ", c.Drivers)}."));
        }
        Range(errors, "nodeCount", profile.NodeCount, c.NodeCount.Min, c.NodeCount.Max);
        Range(errors, "blockIntervalSeconds", profile.BlockIntervalSeconds, c.BlockIntervalSeconds.Min, c.BlockIntervalSeconds.Max);
        Range(errors, "blockGasLimit", profile.BlockGasLimit, c.BlockGasLimit.Min, c.BlockGasLimit.Max);
        Range(errors, "chainId", profile.ChainId, c.ChainId.Min, c.ChainId.Max);
        Range(errors, "accounts.count", profile.Accounts.Count, c.AccountCount.Min, c.AccountCount.Max);
        if (profile.Accounts.BalanceEth is < 0 or > 1_000_000_000m)
        {
            errors.Add(new("accounts.balanceEth", "The balance is 0 to 1,000,000,000 ether."));
        }
        if (profile.Hardware.Cpus is < 0.1 or > 64 || double.IsNaN(profile.Hardware.Cpus))
        {
            errors.Add(new("hardware.cpus", "CPUs are 0.1 to 64."));
        }
        Range(errors, "hardware.memoryMb", profile.Hardware.MemoryMb, 128, 262_144);
        Range(errors, "hardware.diskGb", profile.Hardware.DiskGb, 1, 16_384);
        errors.RemoveAll(e => platformErrors.Any(p => p.Field == e.Field));
        errors.AddRange(platformErrors);
        return errors;
    }

    private static void Range(List<ProfileError> errors, string field, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add(new(field, min == max ? $"Must be {min}; got {value}." : $"Must be between {min} and {max}; got {value}."));
        }
    }
}
