using System.ComponentModel.DataAnnotations;

namespace NutPortal.Core.Contracts;

/// <summary>Contract center settings (Portal:Contracts).</summary>
public sealed class ContractOptions
{
    public const string Section = "Portal:Contracts";

    /// <summary>How long a deploy or write waits for its transaction to be mined.</summary>
    [Range(1, 3600)]
    public int ReceiptTimeoutSeconds { get; set; } = 60;

    /// <summary>Quiet time after the last keystroke before the editor compiles.</summary>
    [Range(50, 10_000)]
    public int EditorDebounceMilliseconds { get; set; } = 400;
}
