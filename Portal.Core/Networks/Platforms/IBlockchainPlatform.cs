namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// A kind of blockchain node the portal can run. A platform validates profiles against what it supports
/// and says how to launch one node; drivers decide where that launch happens.
/// </summary>
public interface IBlockchainPlatform
{
    string Name { get; }

    string DisplayName { get; }

    string Description { get; }

    PlatformCapabilities Capabilities { get; }

    /// <summary>Platform-specific checks (the generic ranges are checked by <see cref="ProfileValidator"/>).</summary>
    IEnumerable<ProfileError> Validate(NetworkProfile profile);

    /// <summary>The command that runs one node of this profile with the given network endpoint and data folder.</summary>
    NodeLaunch CreateLaunch(NetworkProfile profile, NodeLaunchContext context);
}

/// <summary>Where a node listens and keeps its data, decided by the driver.</summary>
public sealed record NodeLaunchContext(string NodeName, string Host, int Port, string DataDirectory);

/// <summary>How to run a node: an executable with arguments locally, or a container image with the same arguments.</summary>
public sealed record NodeLaunch(string Executable, IReadOnlyList<string> Arguments, string ContainerImage, string Version);

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
    IReadOnlyList<string> RuntimeChanges);

public sealed record IntRange(int Min, int Max);

public sealed record LongRange(long Min, long Max);
