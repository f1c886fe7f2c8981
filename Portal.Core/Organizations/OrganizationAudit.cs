using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

/// <summary>Writes and reads an organization's audit log (membership, roles, invitations, consortia).</summary>
public sealed class OrganizationAudit(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public static void Add(PortalDbContext db, string organizationId, string actor, string action, string detail, DateTime at) =>
        db.OrganizationAudit.Add(new OrganizationAuditEntry { OrganizationId = organizationId, Actor = actor, Action = action, Detail = detail, At = at });

    /// <summary>Newest first; the caller's right to read it (the organization's Owners and portal Admins) is checked by the caller.</summary>
    public async Task<IReadOnlyList<OrganizationAuditEntry>> ReadAsync(string organizationId, int limit = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrganizationAudit.AsNoTracking().Where(a => a.OrganizationId == organizationId)
            .OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct);
    }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
}
