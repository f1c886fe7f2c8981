using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Alerts;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Identity;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Core.Scanning;

namespace NutPortal.Web.Components.Pages;

public sealed record NetworkTile(string Id, string Name, string Platform, NetworkStatus Status, int NodesUp, int Nodes, long? HeadBlock, double? Tps, double? BlockIntervalSeconds);

public sealed record FiringAlert(long Id, string RuleName, string NetworkId, string? NetworkName, double Value, DateTime Since);

/// <summary>A recent piece of contract work (deployment, scan or test run), with the page it links to.</summary>
public sealed record RecentWork(string Kind, string Title, string Outcome, bool Failed, DateTime? At, string? Href);

public sealed record DashboardSummary(
    IReadOnlyList<string> Roles, IReadOnlyList<NetworkTile> Networks, IReadOnlyList<FiringAlert> FiringAlerts,
    IReadOnlyList<RecentWork> Deployments, IReadOnlyList<RecentWork> Scans, IReadOnlyList<RecentWork> TestRuns, IReadOnlyList<RecentWork> Failures);

/// <summary>Reads what the dashboard shows, one short-lived DbContext per load; every list is bounded.</summary>
public sealed class DashboardModel(IDbContextFactory<PortalDbContext> dbFactory, LatestMetrics latest)
{
    private const int Recent = 5;

    /// <summary>What the caller's current organization has: its networks (and those shared with it), its rules' alerts, its contract work.</summary>
    public async Task<DashboardSummary> LoadAsync(ClaimsPrincipal user, Caller caller, CancellationToken ct = default)
    {
        var org = caller.CurrentOrganizationId ?? "";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var networks = await OrganizationAccess.OfCurrent(db, db.Networks, caller).AsNoTracking().OrderBy(n => n.Name).Take(100)
            .Select(n => new { n.Id, n.Name, n.Platform, n.Status, Up = n.Nodes.Count(x => x.Status == NodeStatus.Up), Nodes = n.Nodes.Count, Head = n.Nodes.Max(x => x.BlockHeight) })
            .ToListAsync(ct);
        var names = networks.ToDictionary(n => n.Id, n => n.Name);
        var tiles = networks.Select(n => new NetworkTile(n.Id, n.Name, n.Platform, n.Status, n.Up, n.Nodes, n.Head,
            latest.Get(n.Id, null, Metrics.Tps)?.Value, latest.Get(n.Id, null, Metrics.BlockIntervalSeconds)?.Value)).ToList();

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.State == AlertState.Firing && db.AlertRules.Any(r => r.Id == a.RuleId && r.OrganizationId == org))
            .OrderByDescending(a => a.FiringAt).Take(Recent)
            .Join(db.AlertRules, a => a.RuleId, r => r.Id, (a, r) => new { a.Id, r.Name, a.NetworkId, a.Value, Since = a.FiringAt ?? a.StartedAt })
            .ToListAsync(ct);
        var firing = alerts.Select(a => new FiringAlert(a.Id, a.Name, a.NetworkId, names.GetValueOrDefault(a.NetworkId), a.Value, a.Since)).ToList();

        IReadOnlyList<RecentWork> deployments = [], scans = [], runs = [], failures = [];
        var projects = new Dictionary<string, string>();
        // Contract work has pages for Admins and Developers only.
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Developer))
        {
            var networkIds = networks.Select(n => n.Id).ToList();
            var orgProjects = db.ContractProjects.Where(p => p.OrganizationId == org).Select(p => p.Id);
            deployments = [.. (await db.DeployedContracts.AsNoTracking().Where(d => networkIds.Contains(d.NetworkId)).OrderByDescending(d => d.DeployedAt).Take(Recent)
                    .Select(d => new { d.NetworkId, d.Address, d.ContractName, d.DeployedAt }).ToListAsync(ct))
                .Select(d => new RecentWork("Deployment", $"{d.ContractName} on {names.GetValueOrDefault(d.NetworkId, d.NetworkId)}", "Deployed", false, d.DeployedAt, $"networks/{d.NetworkId}/contracts/{d.Address}"))];
            var scanRows = await db.Scans.AsNoTracking().Where(s => s.OrganizationId == org).OrderByDescending(s => s.CreatedAt).Take(Recent)
                .Select(s => new { s.ProjectId, s.VersionNumber, s.Status, s.CreatedAt, s.FinishedAt }).ToListAsync(ct);
            var runRows = await db.ContractTestRuns.AsNoTracking().Where(r => orgProjects.Contains(r.ProjectId)).OrderByDescending(r => r.CreatedAt).Take(Recent)
                .Select(r => new { r.ProjectId, r.VersionNumber, r.Status, r.CreatedAt }).ToListAsync(ct);

            var failedScans = await db.Scans.AsNoTracking().Where(s => s.Status == ScanStatus.Failed && s.OrganizationId == org).OrderByDescending(s => s.CreatedAt).Take(Recent)
                .Select(s => new { s.ProjectId, s.VersionNumber, s.Status, s.CreatedAt, s.FinishedAt }).ToListAsync(ct);
            var failedRuns = await db.ContractTestRuns.AsNoTracking().Where(r => (r.Status == TestRunStatus.Failed || r.Status == TestRunStatus.Error) && orgProjects.Contains(r.ProjectId))
                .OrderByDescending(r => r.CreatedAt).Take(Recent).Select(r => new { r.ProjectId, r.VersionNumber, r.Status, r.CreatedAt }).ToListAsync(ct);
            var projectIds = scanRows.Select(s => s.ProjectId).Concat(failedScans.Select(s => s.ProjectId))
                .Concat(runRows.Select(r => r.ProjectId)).Concat(failedRuns.Select(r => r.ProjectId)).OfType<string>().Distinct().ToList();
            projects = await db.ContractProjects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            scans = [.. scanRows.Select(s => ScanWork(s.ProjectId, s.VersionNumber, s.Status, s.FinishedAt ?? s.CreatedAt))];
            runs = [.. runRows.Select(r => RunWork(r.ProjectId, r.VersionNumber, r.Status, r.CreatedAt))];
            failures = [.. failedScans.Select(s => ScanWork(s.ProjectId, s.VersionNumber, s.Status, s.FinishedAt ?? s.CreatedAt))
                .Concat(failedRuns.Select(r => RunWork(r.ProjectId, r.VersionNumber, r.Status, r.CreatedAt)))
                .OrderByDescending(w => w.At).Take(Recent)];
        }
        var failedNetworks = tiles.Where(t => t.Status == NetworkStatus.Failed)
            .Select(t => new RecentWork("Network deployment", t.Name, "Failed", true, null, $"networks/{t.Id}"));
        failures = [.. failedNetworks.Concat(failures).Take(Recent * 2)];
        return new DashboardSummary([.. Roles.All.Where(user.IsInRole)], tiles, firing, deployments, scans, runs, failures);

        RecentWork ScanWork(string? projectId, int? version, ScanStatus status, DateTime at) =>
            new("Scan", projectId is null ? "Source scan" : $"{projects.GetValueOrDefault(projectId, projectId)} v{version}", status.ToString(), status == ScanStatus.Failed, at,
                projectId is null ? null : $"contracts/{projectId}");

        RecentWork RunWork(string projectId, int version, TestRunStatus status, DateTime at) =>
            new("Test run", $"{projects.GetValueOrDefault(projectId, projectId)} v{version}", status.ToString(), status is TestRunStatus.Failed or TestRunStatus.Error, at, $"contracts/{projectId}");
    }
}
