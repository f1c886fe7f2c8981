using System.Reflection;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Identity;
using NutPortal.Core.Jobs;
using NutPortal.Core.Persistence;

namespace NutPortal.Web.Components.Pages;

public sealed record AdminSummary(int Users, int SucceededRuns24h, int FailedRuns24h);

public sealed record DashboardSummary(IReadOnlyList<string> Roles, int ActiveTokens, string DatabaseProvider, string Version, AdminSummary? Admin);

/// <summary>Reads what the dashboard shows, one short-lived DbContext per load.</summary>
public sealed class DashboardModel(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<DashboardSummary> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var activeTokens = await db.ApiTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null, ct);
        AdminSummary? admin = null;
        if (user.IsInRole(Roles.Admin))
        {
            var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
            var outcomes = await db.JobRuns.Where(r => r.StartedAt >= since).GroupBy(r => r.Outcome)
                .Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(ct);
            admin = new AdminSummary(
                await db.Users.CountAsync(ct),
                outcomes.Where(o => o.Outcome == JobOutcome.Succeeded).Sum(o => o.Count),
                outcomes.Where(o => o.Outcome == JobOutcome.Failed).Sum(o => o.Count));
        }
        var provider = db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite";
        return new DashboardSummary([.. Roles.All.Where(user.IsInRole)], activeTokens, provider, Version, admin);
    }

    private static string Version { get; } =
        typeof(DashboardModel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev";
}
