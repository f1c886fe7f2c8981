using Microsoft.Extensions.Options;
using NutPortal.Core.Leases;

namespace NutPortal.Core.Monitoring;

/// <summary>
/// The "monitoring" lease: the replica holding it collects metrics and evaluates alerts (alert evaluation reads the
/// latest values this replica collected in memory, so both go together). A single portal always holds it.
/// </summary>
public sealed class MonitoringLease(LeaseKeeper leases, IOptions<MonitoringOptions> options)
{
    public const string Name = "monitoring";

    public string Holder => leases.Holder;

    /// <summary>Takes or renews the lease; false while another replica holds it.</summary>
    public Task<bool> TryHoldAsync(CancellationToken ct) => leases.TryAcquireAsync(Name, TimeSpan.FromSeconds(options.Value.LeaseSeconds), ct);

    public Task ReleaseAsync(CancellationToken ct) => leases.ReleaseAsync(Name, ct);

    public Task<string?> CurrentHolderAsync(CancellationToken ct) => leases.HolderOfAsync(Name, ct);
}
