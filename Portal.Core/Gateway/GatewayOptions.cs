using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Gateway;

/// <summary>Limits of the JSON-RPC gateway (section <c>Portal:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Portal:Gateway";

    /// <summary>Largest request body; bigger ones are refused before they are read whole.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most calls in one batch.</summary>
    [Range(1, 1000)]
    public int MaxBatch { get; set; } = 100;

    /// <summary>Largest signed transaction accepted by eth_sendRawTransaction.</summary>
    [Range(128, 1024 * 1024)]
    public int MaxRawTransactionBytes { get; set; } = 128 * 1024;

    /// <summary>How long a node may take to answer.</summary>
    [Range(1, 300)]
    public int NodeTimeoutSeconds { get; set; } = 30;
}
