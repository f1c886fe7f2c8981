using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;
using NutPortal.Core.Solidity;

namespace NutPortal.Core.Contracts;

/// <summary>The outcome of saving sources: the new version, or the compiler's errors (nothing saved).</summary>
public sealed record SaveResult(ContractProject? Project, ContractVersion? Version, IReadOnlyList<SolidityDiagnostic> Diagnostics);

/// <summary>Creates projects and saves versions; a version is saved only when its sources compile.</summary>
public sealed class ContractProjects(IDbContextFactory<PortalDbContext> dbFactory, ContractCompiler compiler, TimeProvider clock)
{
    /// <summary>The most source files a project (and so a scan of one) holds.</summary>
    public const int MaxFiles = 20;

    /// <summary>The projects of the given organizations (all of them when null: the portal's own work).</summary>
    public async Task<IReadOnlyList<ContractProject>> ListAsync(IReadOnlyCollection<string>? organizationIds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ContractProjects.AsNoTracking();
        if (organizationIds is not null)
        {
            var ids = organizationIds.ToList();
            query = query.Where(p => ids.Contains(p.OrganizationId));
        }
        var projects = await query.ToListAsync(ct);
        return [.. projects.OrderByDescending(p => p.UpdatedAt)];
    }

    /// <summary>The project with its versions (newest last).</summary>
    public async Task<ContractProject?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.ContractProjects.AsNoTracking().Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id, ct);
        project?.Versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        return project;
    }

    /// <summary>The project alone (its versions are paged through <see cref="ContractGrids.VersionsAsync"/>).</summary>
    public async Task<ContractProject?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContractProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>The project's newest version (one index seek), or null before the first save.</summary>
    public async Task<ContractVersion?> LatestVersionAsync(string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContractVersions.AsNoTracking().Where(v => v.ProjectId == id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
    }

    public async Task<ContractVersion?> GetVersionAsync(string id, int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContractVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ProjectId == id && v.Number == number, ct);
    }

    public Task<SaveResult> CreateAsync(
        string name, IReadOnlyDictionary<string, string> sources, string? compilerVersion, string? templateId, string user, CancellationToken ct = default) =>
        CreateAsync(name, sources, compilerVersion, templateId, user, Organizations.Organization.DefaultId, ct);

    public async Task<SaveResult> CreateAsync(
        string name, IReadOnlyDictionary<string, string> sources, string? compilerVersion, string? templateId, string user, string organizationId, CancellationToken ct = default)
    {
        var compiled = await compiler.CompileAsync(sources, compilerVersion, ct: ct);
        if (!compiled.Succeeded)
        {
            return new SaveResult(null, null, compiled.Diagnostics);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var project = new ContractProject
        {
            Id = Guid.NewGuid().ToString("N"), Name = name.Trim(), TemplateId = templateId, OrganizationId = organizationId, CreatedBy = user, CreatedAt = now, UpdatedAt = now,
        };
        var version = NewVersion(project.Id, 1, sources, compiled, user, now);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ContractProjects.Add(project);
        db.ContractVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return new SaveResult(project, version, compiled.Diagnostics);
    }

    /// <summary>Saves a new version; null when the project does not exist.</summary>
    public async Task<SaveResult?> SaveVersionAsync(
        string id, IReadOnlyDictionary<string, string> sources, string? compilerVersion, string user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.ContractProjects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return null;
        }
        var compiled = await compiler.CompileAsync(sources, compilerVersion, ct: ct);
        if (!compiled.Succeeded)
        {
            return new SaveResult(project, null, compiled.Diagnostics);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var last = await db.ContractVersions.Where(v => v.ProjectId == id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var version = NewVersion(id, last + 1, sources, compiled, user, now);
        project.UpdatedAt = now;
        db.ContractVersions.Add(version);
        // Two saves racing for the same number: the unique index rejects the second, which the caller may retry.
        await db.SaveChangesAsync(ct);
        return new SaveResult(project, version, compiled.Diagnostics);
    }

    /// <summary>Turns the project's deploy gate on or off; false when the project does not exist.</summary>
    public async Task<bool> SetDeployGateAsync(string id, bool blockOnHighFindings, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var project = await db.ContractProjects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return false;
        }
        project.BlockDeployOnHighFindings = blockOnHighFindings;
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static IReadOnlyDictionary<string, string> Sources(ContractVersion version) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(version.SourcesJson) ?? [];

    public static IReadOnlyList<ContractArtifact> Artifacts(ContractVersion version) =>
        JsonSerializer.Deserialize<List<ContractArtifact>>(version.ArtifactsJson) ?? [];

    private static ContractVersion NewVersion(
        string projectId, int number, IReadOnlyDictionary<string, string> sources, ContractCompileResult compiled, string user, DateTime now) => new()
        {
            ProjectId = projectId,
            Number = number,
            SourcesJson = JsonSerializer.Serialize(sources),
            CompilerVersion = compiled.CompilerVersion,
            ArtifactsJson = JsonSerializer.Serialize(compiled.Contracts),
            CreatedBy = user,
            CreatedAt = now,
        };
}
