using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

/// <summary>Writes audit entries (who, when, what, outcome) and tells live readers the network changed.</summary>
public sealed class NetworkAudit(IDbContextFactory<PortalDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock)
{
    public const string PortalActor = "portal";

    public async Task RecordAsync(string networkId, string? nodeId, string actor, string action, string outcome, string? detail, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.NetworkAudit.Add(new NetworkAuditEntry
        {
            NetworkId = networkId,
            NodeId = nodeId,
            Actor = actor,
            Action = action,
            Outcome = outcome,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new NetworkChanged(networkId));
    }
}
