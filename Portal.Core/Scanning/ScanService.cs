using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Persistence;
using NutPortal.Core.Scanning.Model;
using NutPortal.Core.Solidity;

namespace NutPortal.Core.Scanning;

/// <summary>Starts a scan in the background (implemented by the workers' scheduler).</summary>
public interface IScanQueue
{
    Task EnqueueAsync(string scanId, CancellationToken ct);
}

/// <summary>The saved project version a scan covers.</summary>
public sealed record ScannedVersion(string ProjectId, int Number);

/// <summary>Published when a scan finishes (completed or failed).</summary>
public sealed record ScanFinished(string ScanId, ScanStatus Status, int Findings, ScannedVersion? Version);

/// <summary>Creates scans, runs them (called by the scan job) and reads their results.</summary>
public sealed class ScanService(IDbContextFactory<PortalDbContext> dbFactory, IScanQueue queue, SolidityScanner scanner, LiveNotifier notifier, TimeProvider clock)
{
    /// <summary>Queues a scan of <paramref name="source"/>; with a project version, the scan is recorded against it.</summary>
    public Task<Scan> CreateAsync(string source, string? compilerVersion, string user, ScannedVersion? version = null, CancellationToken ct = default) =>
        CreateAsync(SingleSource(source), compilerVersion, user, version, ct);

    /// <summary>Queues a scan of a project's files, compiled together (one file is scanned as a single source).</summary>
    public async Task<Scan> CreateAsync(IReadOnlyDictionary<string, string> sources, string? compilerVersion, string user, ScannedVersion? version = null, CancellationToken ct = default)
    {
        var scan = await AddAsync(sources, compilerVersion, user, version, ct);
        await queue.EnqueueAsync(scan.Id, ct);
        return scan;
    }

    /// <summary>Queues a scan of loose sources (no project) for an organization: only its members see it.</summary>
    public async Task<Scan> CreateForAsync(IReadOnlyDictionary<string, string> sources, string? compilerVersion, string user, string organizationId, CancellationToken ct = default)
    {
        var scan = await AddAsync(sources, compilerVersion, user, null, ct, organizationId);
        await queue.EnqueueAsync(scan.Id, ct);
        return scan;
    }

    /// <summary>Scans now, in the caller's request (a static pass takes well under a second), and returns the stored scan.</summary>
    public async Task<Scan> ScanNowAsync(IReadOnlyDictionary<string, string> sources, string? compilerVersion, string user, ScannedVersion version, CancellationToken ct = default)
    {
        var scan = await AddAsync(sources, compilerVersion, user, version, ct);
        await RunAsync(scan.Id, ct);
        return await GetAsync(scan.Id, ct) ?? scan;
    }

    /// <summary>The newest finished scan of a project version, if any.</summary>
    public async Task<Scan?> LatestForVersionAsync(string projectId, int versionNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scans = await db.Scans.AsNoTracking()
            .Where(s => s.ProjectId == projectId && s.VersionNumber == versionNumber && (s.Status == ScanStatus.Completed || s.Status == ScanStatus.Failed))
            .ToListAsync(ct);
        return scans.MaxBy(s => s.CreatedAt);
    }

    public static IReadOnlyDictionary<string, string> SingleSource(string source) => SolidityCompileRequest.ForSource(source).Sources;

    /// <summary>The files a scan covers.</summary>
    public static IReadOnlyDictionary<string, string> Sources(Scan scan) =>
        scan.SourcesJson is null ? SingleSource(scan.Source) : JsonSerializer.Deserialize<Dictionary<string, string>>(scan.SourcesJson) ?? SingleSource(scan.Source);

    private async Task<Scan> AddAsync(IReadOnlyDictionary<string, string> sources, string? compilerVersion, string user, ScannedVersion? version, CancellationToken ct,
        string? organizationId = null)
    {
        if (sources.Count == 0)
        {
            throw new ArgumentException("A scan needs at least one source file.", nameof(sources));
        }
        var scan = new Scan
        {
            Id = Guid.NewGuid().ToString("N"), Status = ScanStatus.Queued, CompilerVersion = compilerVersion,
            Source = sources.OrderBy(s => s.Key, StringComparer.Ordinal).First().Value,
            SourcesJson = sources.Count == 1 ? null : JsonSerializer.Serialize(sources),
            ProjectId = version?.ProjectId, VersionNumber = version?.Number, CreatedBy = user, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A version's scan belongs to its project's organization.
        scan.OrganizationId = version is null ? organizationId ?? Organizations.Organization.DefaultId
            : await db.ContractProjects.Where(p => p.Id == version.ProjectId).Select(p => p.OrganizationId).FirstOrDefaultAsync(ct) ?? Organizations.Organization.DefaultId;
        db.Scans.Add(scan);
        await db.SaveChangesAsync(ct);
        return scan;
    }

    public async Task<Scan?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Scans.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>How many of the model's ranked functions a scan keeps: enough to review, few enough to read.</summary>
    public const int KeptRisks = 10;

    public static IReadOnlyList<FunctionRisk> Risks(Scan scan) =>
        scan.RisksJson is null ? [] : JsonSerializer.Deserialize<List<FunctionRisk>>(scan.RisksJson) ?? [];

    /// <summary>The riskiest functions, each function once (under its most likely category).</summary>
    private static List<FunctionRisk> TopRisks(IReadOnlyList<FunctionRisk> risks) =>
        [.. risks.OrderByDescending(r => r.Probability).DistinctBy(r => (r.Contract, r.Function, r.StartLine)).Take(KeptRisks)];

    public static IReadOnlyList<Finding> Findings(Scan scan) =>
        scan.FindingsJson is null ? [] : JsonSerializer.Deserialize<List<Finding>>(scan.FindingsJson) ?? [];

    /// <summary>Runs a queued scan and stores the outcome; returns a one-line summary.</summary>
    public async Task<string> RunAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scan = await db.Scans.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new InvalidOperationException($"No scan {id}.");
        scan.Status = ScanStatus.Running;
        await db.SaveChangesAsync(ct);
        try
        {
            var report = await scanner.ScanAsync(Sources(scan), scan.CompilerVersion, ct);
            scan.CompilerVersion = report.CompilerVersion;
            scan.FindingsJson = JsonSerializer.Serialize(report.Findings);
            scan.RisksJson = report.Risks is { Count: > 0 } risks ? JsonSerializer.Serialize(TopRisks(risks)) : null;
            scan.Error = report.Error;
            scan.Status = report.Error is null ? ScanStatus.Completed : ScanStatus.Failed;
        }
        catch (SolidityCompilerException e)
        {
            scan.Error = e.Message;
            scan.Status = ScanStatus.Failed;
        }
        scan.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        var count = Findings(scan).Count;
        await notifier.PublishAsync(new ScanFinished(scan.Id, scan.Status, count,
            scan is { ProjectId: { } projectId, VersionNumber: { } number } ? new ScannedVersion(projectId, number) : null));
        return $"Scan {scan.Id}: {scan.Status}, {count} finding(s)";
    }
}
