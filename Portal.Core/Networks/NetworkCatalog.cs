using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

/// <summary>Read side of networks for the API and pages; one short-lived DbContext per call.</summary>
public sealed class NetworkCatalog(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Network>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var networks = await db.Networks.AsNoTracking().Include(n => n.Nodes).ToListAsync(ct);
        return [.. networks.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The networks a caller may see (<paramref name="currentOnly"/>: only those of their current organization, as the pages list them).</summary>
    public async Task<IReadOnlyList<Network>> ListAsync(Organizations.Caller caller, bool currentOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = currentOnly ? Organizations.OrganizationAccess.OfCurrent(db, db.Networks, caller) : Organizations.OrganizationAccess.Visible(db, db.Networks, caller);
        var networks = await visible.AsNoTracking().Include(n => n.Nodes).ToListAsync(ct);
        return [.. networks.OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<Network?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await db.Networks.AsNoTracking().Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == id, ct);
        network?.Nodes.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return network;
    }

    public async Task<IReadOnlyList<DeploymentStep>> StepsAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DeploymentSteps.AsNoTracking().Where(s => s.NetworkId == id).OrderBy(s => s.Order).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<NetworkAuditEntry>> AuditAsync(string id, int limit = 100, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.NetworkAudit.AsNoTracking().Where(a => a.NetworkId == id)
            .OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> AccountAddressesAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.NetworkAccounts.AsNoTracking().Where(a => a.NetworkId == id && a.OrganizationId == null).OrderBy(a => a.Id).Select(a => a.Address).ToListAsync(ct);
    }
}
