using Microsoft.EntityFrameworkCore;
using NutPortal.Core.DappStore;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Community;

/// <summary>Abuse reports (any user, on any post they can see) and hiding posts (Admins).</summary>
public sealed class ModerationService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const string AdminsOnly = "Only an Admin moderates posts.";

    public async Task<StoreResult<AbuseReport>> ReportAsync(AbuseTarget target, long targetId, string? reason, Caller caller, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > CommunityLimits.ReasonLength)
        {
            return StoreResult<AbuseReport>.Invalid("reason", $"Say what is wrong, in 1 to {CommunityLimits.ReasonLength} characters.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await ExistsForAsync(db, target, targetId, caller, ct))
        {
            return StoreResult<AbuseReport>.NotFound;
        }
        var report = new AbuseReport
        {
            Target = target, TargetId = targetId, ReporterId = caller.UserId, ReporterName = caller.Name, Reason = reason.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AbuseReports.Add(report);
        await db.SaveChangesAsync(ct);
        return StoreResult<AbuseReport>.Ok(report);
    }

    public async Task<StoreResult<PagedResult<AbuseReport>>> ReportsAsync(Caller caller, int page = 0, int pageSize = 50, CancellationToken ct = default)
    {
        if (!caller.IsAdmin)
        {
            return StoreResult<PagedResult<AbuseReport>>.Refused(AdminsOnly);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = new PageRequest(page, pageSize);
        var items = await db.AbuseReports.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(request.Skip).Take(request.Size).ToListAsync(ct);
        return StoreResult<PagedResult<AbuseReport>>.Ok(new PagedResult<AbuseReport>(items, await db.AbuseReports.CountAsync(ct)));
    }

    /// <summary>Hide (or show again) a thread, reply or review.</summary>
    public async Task<StoreResult<bool>> HideAsync(AbuseTarget target, long id, bool hidden, Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin)
        {
            return StoreResult<bool>.Refused(AdminsOnly);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = target switch
        {
            AbuseTarget.Thread => await db.CommunityThreads.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Hidden, hidden), ct),
            AbuseTarget.Reply => await db.CommunityReplies.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Hidden, hidden), ct),
            _ => await db.DappReviews.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Hidden, hidden), ct),
        };
        return changed == 0 ? StoreResult<bool>.NotFound : StoreResult<bool>.Ok(hidden);
    }

    private static async Task<bool> ExistsForAsync(PortalDbContext db, AbuseTarget target, long id, Caller caller, CancellationToken ct)
    {
        var threads = ThreadService.Visible(db, caller).Select(t => t.Id);
        var dapps = DappAccess.Visible(db, caller).Select(d => d.Id);
        return target switch
        {
            AbuseTarget.Thread => await threads.AnyAsync(t => t == id, ct),
            AbuseTarget.Reply => await db.CommunityReplies.AnyAsync(r => r.Id == id && threads.Contains(r.ThreadId), ct),
            _ => await db.DappReviews.AnyAsync(r => r.Id == id && dapps.Contains(r.DappId), ct),
        };
    }
}
