using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Persistence;
using NutPortal.Core.Scanning;

namespace NutPortal.Core.Contracts;

/// <summary>A version as the project's grid lists it (no sources or artifacts).</summary>
public sealed record VersionRow(string ProjectId, int Number, string CompilerVersion, string CreatedBy, DateTime CreatedAt);

/// <summary>A scan as the project's grid lists it: outcome and findings by severity.</summary>
public sealed record ScanRow(string Id, int? VersionNumber, ScanStatus Status, string CreatedBy, DateTime CreatedAt, DateTime? FinishedAt, int High, int Medium, int Low, string? Error);

/// <summary>A test run as the suite's grid lists it (no step results).</summary>
public sealed record TestRunRow(string Id, string SuiteId, int VersionNumber, TestRunStatus Status, string CreatedBy, DateTime CreatedAt, DateTime? FinishedAt, string? Error);

/// <summary>Server-side pages for the contract center's grids; each sorts and filters in the database on an index.</summary>
public sealed class ContractGrids(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Projects whose name contains <paramref name="nameContains"/> (any case); sort by "name", "created" or "updated" (default, newest first).</summary>
    /// <summary>A page of an organization's projects (every organization's when <paramref name="organizationId"/> is null).</summary>
    public async Task<PagedResult<ContractProject>> ProjectsAsync(PageRequest page, string? nameContains = null, string? organizationId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ContractProjects.AsNoTracking().Where(p => organizationId == null || p.OrganizationId == organizationId);
        if (nameContains?.Trim() is { Length: > 0 } term)
        {
            var lower = term.ToLowerInvariant();
            // Runs in the database as lower(Name) on both providers, not in .NET: the analyzers' culture advice does not apply.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(p => p.Name.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var total = await query.CountAsync(ct);
        var ordered = (page.SortBy, page.Descending) switch
        {
            ("name", false) => query.OrderBy(p => p.Name).ThenBy(p => p.Id),
            ("name", true) => query.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            ("created", false) => query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            ("created", true) => query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
            ("updated", false) => query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id),
            _ => query.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id),
        };
        return new PagedResult<ContractProject>(await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct), total);
    }

    /// <summary>A project's versions, newest first unless sorted ascending by "number".</summary>
    public async Task<PagedResult<VersionRow>> VersionsAsync(string projectId, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ContractVersions.AsNoTracking().Where(v => v.ProjectId == projectId);
        var total = await query.CountAsync(ct);
        var ordered = page.SortBy is "number" && !page.Descending ? query.OrderBy(v => v.Number) : query.OrderByDescending(v => v.Number);
        var rows = await ordered.Skip(page.Skip).Take(page.Size)
            .Select(v => new VersionRow(v.ProjectId, v.Number, v.CompilerVersion, v.CreatedBy, v.CreatedAt)).ToListAsync(ct);
        return new PagedResult<VersionRow>(rows, total);
    }

    /// <summary>A project's scans, newest first (or oldest first when sorted ascending by "created"), optionally of one status.</summary>
    public async Task<PagedResult<ScanRow>> ScansAsync(string projectId, PageRequest page, ScanStatus? status = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Scans.AsNoTracking().Where(s => s.ProjectId == projectId);
        if (status is { } only)
        {
            query = query.Where(s => s.Status == only);
        }
        var total = await query.CountAsync(ct);
        var ordered = page.SortBy is "created" && !page.Descending ? query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id) : query.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id);
        var scans = await ordered.Skip(page.Skip).Take(page.Size)
            .Select(s => new Scan
            {
                Id = s.Id, Status = s.Status, Source = "", CreatedBy = s.CreatedBy, CreatedAt = s.CreatedAt, FinishedAt = s.FinishedAt,
                VersionNumber = s.VersionNumber, FindingsJson = s.FindingsJson, Error = s.Error,
            }).ToListAsync(ct);
        return new PagedResult<ScanRow>([.. scans.Select(ToRow)], total);
    }

    /// <summary>A suite's runs, newest first (or oldest first when sorted ascending by "created"), optionally of one status.</summary>
    public async Task<PagedResult<TestRunRow>> TestRunsAsync(string suiteId, PageRequest page, TestRunStatus? status = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ContractTestRuns.AsNoTracking().Where(r => r.SuiteId == suiteId);
        if (status is { } only)
        {
            query = query.Where(r => r.Status == only);
        }
        var total = await query.CountAsync(ct);
        var ordered = page.SortBy is "created" && !page.Descending ? query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id) : query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id);
        var rows = await ordered.Skip(page.Skip).Take(page.Size)
            .Select(r => new TestRunRow(r.Id, r.SuiteId, r.VersionNumber, r.Status, r.CreatedBy, r.CreatedAt, r.FinishedAt, r.Error)).ToListAsync(ct);
        return new PagedResult<TestRunRow>(rows, total);
    }

    private static ScanRow ToRow(Scan scan)
    {
        var findings = ScanService.Findings(scan);
        int Count(string severity) => findings.Count(f => string.Equals(f.Severity, severity, StringComparison.OrdinalIgnoreCase));
        return new ScanRow(scan.Id, scan.VersionNumber, scan.Status, scan.CreatedBy, scan.CreatedAt, scan.FinishedAt, Count("high"), Count("medium"), Count("low"), scan.Error);
    }
}
