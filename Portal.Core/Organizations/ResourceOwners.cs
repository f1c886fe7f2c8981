using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Organizations;

/// <summary>What a resource id belongs to: the network (for things that live on a network) or the organization.</summary>
public sealed record ResourceOwner(string? NetworkId, string? OrganizationId);

public enum ResourceKind
{
    Network,
    Project,
    AlertRule,
    Alert,
    TestRun,
    Scan,
    Workload,
}

/// <summary>Finds the owner of any resource the API names by id, so one access check covers every endpoint.</summary>
public sealed class ResourceOwners(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<ResourceOwner?> FindAsync(ResourceKind kind, string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return kind switch
        {
            ResourceKind.Network => new ResourceOwner(id, null),
            ResourceKind.Project => Org(await db.ContractProjects.Where(p => p.Id == id).Select(p => p.OrganizationId).FirstOrDefaultAsync(ct)),
            ResourceKind.AlertRule => long.TryParse(id, out var rule)
                ? Org(await db.AlertRules.Where(r => r.Id == rule).Select(r => r.OrganizationId).FirstOrDefaultAsync(ct)) : null,
            ResourceKind.Alert => long.TryParse(id, out var alert)
                ? Org(await (from a in db.Alerts join r in db.AlertRules on a.RuleId equals r.Id where a.Id == alert select r.OrganizationId).FirstOrDefaultAsync(ct)) : null,
            ResourceKind.TestRun => Org(await (from run in db.ContractTestRuns join p in db.ContractProjects on run.ProjectId equals p.Id
                                               where run.Id == id select p.OrganizationId).FirstOrDefaultAsync(ct)),
            ResourceKind.Scan => Org(await db.Scans.Where(s => s.Id == id).Select(s => s.OrganizationId).FirstOrDefaultAsync(ct)),
            ResourceKind.Workload => await db.Workloads.Where(w => w.Id == id).Select(w => w.NetworkId).FirstOrDefaultAsync(ct) is { } network
                ? new ResourceOwner(network, null) : null,
            _ => null,
        };
    }

    private static ResourceOwner? Org(string? organizationId) => organizationId is null ? null : new ResourceOwner(null, organizationId);
}
