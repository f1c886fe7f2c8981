using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Core.Scanning;

namespace NutPortal.Core.DappStore;

/// <summary>Reads the store: the listing (search, category, sort, server paging) and one DApp with everything its page shows.</summary>
public sealed class DappCatalog(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<PagedResult<DappListItem>> ListAsync(DappQuery query, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dapps = DappAccess.Visible(db, caller);
        dapps = query.Mine ? dapps.Where(d => d.OwnerId == caller.UserId) : dapps.Where(d => d.State == DappState.Published);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            // Translated to SQL lower(...) and a substring search on both providers, not run in .NET.
#pragma warning disable CA1304, CA1311, CA1862
            dapps = dapps.Where(d => d.Name.ToLower().Contains(term) || d.Summary.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (!string.IsNullOrEmpty(query.Category))
        {
            dapps = dapps.Where(d => d.Category == query.Category);
        }
        var rows = from d in dapps
                   join n in db.Networks on d.NetworkId equals n.Id
                   select new
                   {
                       Dapp = d,
                       NetworkName = n.Name,
                       n.Platform,
                       Rating = db.DappReviews.Where(r => r.DappId == d.Id && !r.Hidden).Average(r => (double?)r.Stars),
                       RatingCount = db.DappReviews.Count(r => r.DappId == d.Id && !r.Hidden),
                       Threads = db.CommunityThreads.Count(t => t.DappId == d.Id && !t.Hidden),
                       Activity = db.CommunityThreads.Where(t => t.DappId == d.Id && !t.Hidden).Max(t => (DateTime?)t.LastActivityAt),
                   };
        rows = query.Sort switch
        {
            DappSort.Rating => rows.OrderByDescending(r => r.Rating ?? 0).ThenByDescending(r => r.RatingCount).ThenBy(r => r.Dapp.Id),
            DappSort.Activity => rows.OrderByDescending(r => r.Activity ?? r.Dapp.PublishedAt ?? r.Dapp.CreatedAt).ThenBy(r => r.Dapp.Id),
            // One's own DApps (drafts have no PublishedAt) by creation; published ones by PublishedAt, which the (State, PublishedAt) index serves.
            _ when query.Mine => rows.OrderByDescending(r => r.Dapp.CreatedAt).ThenBy(r => r.Dapp.Id),
            _ => rows.OrderByDescending(r => r.Dapp.PublishedAt).ThenBy(r => r.Dapp.Id),
        };
        var page = new PageRequest(query.Page, query.PageSize);
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(page.Skip).Take(page.Size).Select(r => new DappListItem(r.Dapp.Id, r.Dapp.Name, r.Dapp.Summary, r.Dapp.Category, r.Dapp.State,
            r.Dapp.NetworkId, r.NetworkName, r.Platform, r.Dapp.OwnerName, r.Dapp.PublishedAt, r.Dapp.CreatedAt, r.Rating, r.RatingCount, r.Threads,
            r.Dapp.IconContentType != null)).ToListAsync(ct);
        return new PagedResult<DappListItem>(items, total);
    }

    public async Task<DappDetail?> GetAsync(string id, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dapp = await DappAccess.Visible(db, caller).AsNoTracking().Include(d => d.Contracts).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dapp is null)
        {
            return null;
        }
        dapp.Icon = null;
        var network = await db.Networks.AsNoTracking().FirstAsync(n => n.Id == dapp.NetworkId, ct);
        var profile = JsonSerializer.Deserialize<NetworkProfile>(network.ProfileJson, JsonSerializerOptions.Web) ?? new NetworkProfile();
        var contracts = await ContractsAsync(db, dapp, ct);
        var bundle = dapp.BundleId is { } bundleId ? await db.DappBundles.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bundleId, ct) : null;
        var ratings = await db.DappReviews.Where(r => r.DappId == id && !r.Hidden).GroupBy(r => 1)
            .Select(g => new { Average = g.Average(r => (double)r.Stars), Count = g.Count() }).FirstOrDefaultAsync(ct);
        return new DappDetail(dapp, network.Name, network.Platform, profile.Consensus, profile.NodeCount, contracts, bundle, ratings?.Average, ratings?.Count ?? 0,
            DappAccess.CanManage(dapp, caller));
    }

    /// <summary>The icon's bytes and type, when the caller may see the DApp and it has one.</summary>
    public async Task<(byte[] Bytes, string ContentType)?> IconAsync(string id, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var icon = await DappAccess.Visible(db, caller).Where(d => d.Id == id && d.Icon != null)
            .Select(d => new { d.Icon, d.IconContentType }).FirstOrDefaultAsync(ct);
        return icon is null ? null : (icon.Icon!, icon.IconContentType!);
    }

    /// <summary>Contracts a DApp on this network may list: those the portal deployed there from a saved project version.</summary>
    public async Task<IReadOnlyList<(string Address, string Name, string ProjectId, int Version)>> EligibleContractsAsync(string networkId, Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await OrganizationAccess.Visible(db, db.Networks, caller).AnyAsync(n => n.Id == networkId, ct))
        {
            return [];
        }
        var rows = await db.DeployedContracts.AsNoTracking().Where(c => c.NetworkId == networkId && c.ProjectId != null && c.VersionNumber != null)
            .OrderByDescending(c => c.DeployedAt).Take(200).Select(c => new { c.Address, c.ContractName, c.ProjectId, c.VersionNumber }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Address, r.ContractName, r.ProjectId!, r.VersionNumber!.Value))];
    }

    private static async Task<IReadOnlyList<DappContractView>> ContractsAsync(PortalDbContext db, Dapp dapp, CancellationToken ct)
    {
        var ids = dapp.Contracts.Select(c => c.DeployedContractId).ToList();
        var deployed = await db.DeployedContracts.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.ContractName).ToListAsync(ct);
        var views = new List<DappContractView>();
        foreach (var c in deployed)
        {
            var sources = await db.ContractVersions.Where(v => v.ProjectId == c.ProjectId && v.Number == c.VersionNumber).Select(v => v.SourcesJson).FirstOrDefaultAsync(ct);
            var scan = await db.Scans.AsNoTracking().Where(s => s.ProjectId == c.ProjectId && s.VersionNumber == c.VersionNumber)
                .OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync(ct);
            views.Add(new DappContractView(c.Id, c.Address, c.ContractName, c.ProjectId!, c.VersionNumber ?? 0, c.CompilerVersion, c.AbiJson,
                sources is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(sources) ?? [], Summarize(scan)));
        }
        return views;
    }

    private static ScanSummary? Summarize(Scan? scan)
    {
        if (scan is null)
        {
            return null;
        }
        var findings = ScanService.Findings(scan);
        int Count(string severity) => findings.Count(f => string.Equals(f.Severity, severity, StringComparison.OrdinalIgnoreCase));
        return new ScanSummary(scan.Id, scan.Status, Count("high"), Count("medium"), Count("low"), scan.CreatedAt);
    }
}
