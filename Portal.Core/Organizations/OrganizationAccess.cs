using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

/// <summary>
/// The one place that decides what a caller may see: networks of their organizations and the consortium networks
/// shared with them, their organizations' contract projects and alert rules. Everything else that belongs to a
/// network (nodes, blocks, traces, workloads) follows its network. Things a caller may not see do not exist for them.
/// </summary>
public sealed class OrganizationAccess(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<Caller> LoadCallerAsync(string userId, string name, bool isAdmin, string? requestedOrganization, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OrganizationMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => new { m.OrganizationId, m.Role }).ToListAsync(ct);
        var roles = rows.GroupBy(r => r.OrganizationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.Role).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var stored = await db.Users.Where(u => u.Id == userId).Select(u => u.CurrentOrganizationId).FirstOrDefaultAsync(ct);
        var current = await PickCurrentAsync(db, roles, isAdmin, requestedOrganization, stored, ct);
        return new Caller(userId, name, isAdmin, roles, current);
    }

    private static async Task<string?> PickCurrentAsync(PortalDbContext db, Dictionary<string, IReadOnlySet<string>> roles, bool isAdmin,
        string? requested, string? stored, CancellationToken ct)
    {
        foreach (var candidate in new[] { requested, stored })
        {
            if (candidate is null)
            {
                continue;
            }
            if (roles.ContainsKey(candidate) || (isAdmin && await db.Organizations.AnyAsync(o => o.Id == candidate, ct)))
            {
                return candidate;
            }
        }
        if (roles.Count == 0)
        {
            return isAdmin ? Organization.DefaultId : null;
        }
        var ids = roles.Keys.ToList();
        return await db.Organizations.Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name).Select(o => o.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Networks the caller may see: all of them for an Admin.</summary>
    public static IQueryable<Network> Visible(PortalDbContext db, IQueryable<Network> networks, Caller caller)
    {
        if (caller.IsAdmin)
        {
            return networks;
        }
        var orgs = caller.OrganizationIds.ToList();
        return networks.Where(n => orgs.Contains(n.OrganizationId) || db.NetworkMembers.Any(m => m.NetworkId == n.Id && orgs.Contains(m.OrganizationId)));
    }

    /// <summary>The networks of the caller's current organization: its own and those shared with it (lists in the pages).</summary>
    public static IQueryable<Network> OfCurrent(PortalDbContext db, IQueryable<Network> networks, Caller caller)
    {
        var org = caller.CurrentOrganizationId ?? "";
        return Visible(db, networks, caller).Where(n => n.OrganizationId == org || db.NetworkMembers.Any(m => m.NetworkId == n.Id && m.OrganizationId == org));
    }

    public async Task<IReadOnlyList<string>> NetworkIdsAsync(Caller caller, bool currentOnly, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var networks = currentOnly ? OfCurrent(db, db.Networks, caller) : Visible(db, db.Networks, caller);
        return await networks.Select(n => n.Id).ToListAsync(ct);
    }

    /// <summary>The networks the caller operates in: those of organizations where they are Operator or Owner, as the
    /// operator or as a consortium member.</summary>
    public async Task<IReadOnlyList<string>> OperatedNetworkIdsAsync(Caller caller, CancellationToken ct = default)
    {
        var orgs = caller.Roles.Where(r => OrgRoles.CanOperate(r.Value)).Select(r => r.Key).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Networks.Where(n => orgs.Contains(n.OrganizationId) || db.NetworkMembers.Any(m => m.NetworkId == n.Id && orgs.Contains(m.OrganizationId)))
            .Select(n => n.Id).ToListAsync(ct);
    }

    /// <summary>The caller's rights on a network, or null when it does not exist for them.</summary>
    public async Task<NetworkGrant?> NetworkAsync(string? networkId, Caller caller, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(networkId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await Visible(db, db.Networks, caller).Where(n => n.Id == networkId).Select(n => n.OrganizationId).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return null;
        }
        var members = await db.NetworkMembers.Where(m => m.NetworkId == networkId).OrderBy(m => m.JoinedAt).Select(m => m.OrganizationId).ToListAsync(ct);
        return new NetworkGrant(networkId, owner, members, caller);
    }

    /// <summary>The organization that owns a contract project the caller may see, or null.</summary>
    public async Task<string?> ProjectOrganizationAsync(string? projectId, Caller caller, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(projectId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.ContractProjects.Where(p => p.Id == projectId).Select(p => p.OrganizationId).FirstOrDefaultAsync(ct);
        return org is not null && (caller.IsAdmin || caller.IsMember(org)) ? org : null;
    }

    /// <summary>The organization that owns an alert rule the caller may see, or null.</summary>
    public async Task<string?> AlertRuleOrganizationAsync(long ruleId, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var org = await db.AlertRules.Where(r => r.Id == ruleId).Select(r => r.OrganizationId).FirstOrDefaultAsync(ct);
        return org is not null && (caller.IsAdmin || caller.IsMember(org)) ? org : null;
    }

    /// <summary>The organization ids whose projects and rules the caller's lists show: the current one.</summary>
    public static string CurrentOf(Caller caller) => caller.CurrentOrganizationId ?? "";
}
