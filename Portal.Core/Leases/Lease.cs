namespace NutPortal.Core.Leases;

/// <summary>
/// Who does a piece of work that only one portal replica may do (e.g. "monitoring"), until when. The holder
/// renews it while it works; another replica takes it over once it has expired.
/// </summary>
public sealed class Lease
{
    public required string Name { get; set; }

    /// <summary>The replica holding it (<see cref="LeaseKeeper.Holder"/>).</summary>
    public required string Holder { get; set; }

    public DateTime ExpiresAt { get; set; }
}
