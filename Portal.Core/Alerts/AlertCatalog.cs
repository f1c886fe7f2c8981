using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Alerts;

/// <summary>Read side of alerts (lists, the bell's count, transitions) and acknowledgement.</summary>
public sealed class AlertCatalog(IDbContextFactory<PortalDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock)
{
    /// <summary>Alerts of the given organizations' rules (every organization's when null), newest first.</summary>
    public async Task<IReadOnlyList<(Alert Alert, AlertRule Rule)>> ListAsync(AlertState? state, int limit = 200, IReadOnlyCollection<string>? organizationIds = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alerts = state is { } wanted ? db.Alerts.AsNoTracking().Where(a => a.State == wanted) : db.Alerts.AsNoTracking().Where(a => a.State != AlertState.Normal);
        var orgs = organizationIds?.ToList();
        var query = from a in alerts
                    join r in db.AlertRules.AsNoTracking() on a.RuleId equals r.Id
                    where orgs == null || orgs.Contains(r.OrganizationId)
                    orderby a.Id descending
                    select new { a, r };
        return [.. (await query.Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct)).Select(x => (x.a, x.r))];
    }

    /// <summary>Firing alerts nobody acknowledged yet: the bell's number.</summary>
    public async Task<int> UnacknowledgedFiringCountAsync(IReadOnlyCollection<string>? organizationIds = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orgs = organizationIds?.ToList();
        return await db.Alerts.CountAsync(a => a.State == AlertState.Firing && a.AcknowledgedAt == null
            && (orgs == null || db.AlertRules.Any(r => r.Id == a.RuleId && orgs.Contains(r.OrganizationId))), ct);
    }

    public async Task<IReadOnlyList<AlertTransition>> TransitionsAsync(long alertId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AlertTransitions.AsNoTracking().Where(t => t.AlertId == alertId).OrderBy(t => t.Id).ToListAsync(ct);
    }

    public async Task<Alert?> AcknowledgeAsync(long alertId, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null)
        {
            return null;
        }
        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
            alert.AcknowledgedBy = actor;
            await db.SaveChangesAsync(ct);
            var organization = await db.AlertRules.Where(r => r.Id == alert.RuleId).Select(r => r.OrganizationId).SingleAsync(ct);
            await notifier.PublishAsync(new AlertChanged(alert.Id, alert.RuleId, alert.NetworkId, alert.State, organization));
        }
        return alert;
    }
}
