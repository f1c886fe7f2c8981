using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Networks;

/// <summary>Settings under <c>Portal:Networks</c>.</summary>
public sealed class NetworkOptions : IValidatableObject
{
    public const string Section = "Portal:Networks";

    /// <summary>First loopback port handed to local nodes.</summary>
    [Range(1024, 65535)]
    public int PortRangeStart { get; set; } = 18545;

    [Range(1024, 65535)]
    public int PortRangeEnd { get; set; } = 18999;

    /// <summary>How often the supervisor checks node processes and block heights.</summary>
    [Range(200, 60_000)]
    public int SupervisorIntervalMilliseconds { get; set; } = 1000;

    [Range(1, 3600)]
    public int MaxRestartBackoffSeconds { get; set; } = 30;

    /// <summary>
    /// With several replicas, one holds the node-supervisor lease and marks nodes down and restarts them; another
    /// takes over this long after the holder stops renewing it (at once when the holder shuts down).
    /// </summary>
    [Range(2, 600)]
    public int SupervisorLeaseSeconds { get; set; } = 15;

    /// <summary>How long a starting node may take before its RPC answers.</summary>
    [Range(1, 600)]
    public int RpcReadyTimeoutSeconds { get; set; } = 30;

    /// <summary>The litecoind binary Litecoin nodes run (Debian's package puts it here).</summary>
    [Required]
    public string LitecoindPath { get; set; } = "/usr/lib/litecoin/litecoind";

    /// <summary>
    /// The neoxp.dll Neo nodes run; empty: neo.express from the repository's tool manifest, where
    /// <c>dotnet tool restore</c> puts it (NUGET_PACKAGES, else ~/.nuget/packages).
    /// </summary>
    public string? NeoExpressPath { get; set; }

    /// <summary>Stop local nodes when the portal shuts down. Off by default: a restarted portal re-adopts its nodes.</summary>
    public bool StopNodesOnShutdown { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PortRangeEnd < PortRangeStart)
        {
            yield return new ValidationResult("Portal:Networks:PortRangeEnd must not be below PortRangeStart.", [nameof(PortRangeEnd)]);
        }
    }
}
