using System.Reflection;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Identity;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Jobs;

namespace NutPortal.Web.Components.Pages;

public sealed record AdminSummary(int Users, long SucceededRuns24h, long FailedRuns24h);

public sealed record DashboardSummary(IReadOnlyList<string> Roles, int ActiveTokens, string DatabaseProvider, string Version, AdminSummary? Admin);

/// <summary>Reads what the dashboard shows, one short-lived DbContext per load.</summary>
public sealed class DashboardModel(IDbContextFactory<PortalDbContext> dbFactory, JobHistory jobs)
{
    public async Task<DashboardSummary> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activeTokens = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, ct);
        AdminSummary? admin = null;
        if (user.IsInRole(Roles.Admin))
        {
            var (succeeded, failed) = jobs.LastDay();
            admin = new AdminSummary(await db.Users.CountAsync(ct), succeeded, failed);
        }
        var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
        return new DashboardSummary([.. Roles.All.Where(user.IsInRole)], activeTokens, provider, Version, admin);
    }

    private static string Version { get; } =
        typeof(DashboardModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev";
}
