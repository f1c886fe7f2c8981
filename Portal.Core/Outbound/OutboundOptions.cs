namespace NutPortal.Core.Outbound;

/// <summary>Settings under <c>Portal:Outbound</c>: calls the portal makes to URLs users give it (webhooks).</summary>
public sealed class OutboundOptions
{
    public const string Section = "Portal:Outbound";

    /// <summary>
    /// Host names (or IP literals) that may be reached even though they resolve to loopback, private or other
    /// non-public addresses, e.g. an internal chat gateway. Everything else must resolve to public addresses only.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    [System.ComponentModel.DataAnnotations.Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;
}
