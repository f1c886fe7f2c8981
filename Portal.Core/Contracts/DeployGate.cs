using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;
using NutPortal.Core.Scanning;

namespace NutPortal.Core.Contracts;

/// <summary>
/// The per-project deploy gate: when a project asks for it, a version deploys only if its scan has no
/// high-severity finding. A version not yet scanned is scanned on the spot, all its files together (the static
/// pass is fast), so the gate never waits on a queue and the scan it judged by is kept and shown with the version.
/// </summary>
public sealed class DeployGate(IDbContextFactory<PortalDbContext> dbFactory, ScanService scans)
{
    public const string BlockingSeverity = "high";

    /// <summary>Throws <see cref="ContractFailureException"/> (Blocked) when the project's gate refuses this version.</summary>
    public async Task EnsureAllowedAsync(ContractVersion version, string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.ContractProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == version.ProjectId, ct);
        if (project is not { BlockDeployOnHighFindings: true })
        {
            return;
        }
        var scan = await scans.LatestForVersionAsync(project.Id, version.Number, ct);
        if (scan is null)
        {
            scan = await scans.ScanNowAsync(ContractProjects.Sources(version), version.CompilerVersion, user, new ScannedVersion(project.Id, version.Number), ct);
        }
        if (scan.Status != ScanStatus.Completed)
        {
            throw Blocked($"{project.Name} deploys only versions with a clean scan, and v{version.Number} could not be scanned: {scan.Error}");
        }
        var blocking = ScanService.Findings(scan).Where(f => f.Severity == BlockingSeverity).ToList();
        if (blocking.Count > 0)
        {
            var list = string.Join("; ", blocking.Take(5).Select(f => $"{f.Title} ({f.Category}) at {(f.File is { } file ? $"{file} " : "")}line {f.Line}"));
            throw Blocked($"v{version.Number} of {project.Name} has {blocking.Count} high-severity finding(s): {list}. "
                + "Fix them and save a new version, or turn off the project's deploy gate.");
        }
    }

    private static ContractFailureException Blocked(string message) => new(ContractFailureKind.Blocked, "version", message);
}
