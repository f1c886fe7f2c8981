using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Oracle;

/// <summary>Creates, lists, removes and fires scheduled oracle requests.</summary>
public sealed class OracleScheduler(
    IDbContextFactory<PortalDbContext> dbFactory, IOracleScheduleRegistry registry, OracleService oracle, IOptionsMonitor<OracleOptions> options, TimeProvider clock,
    Organizations.OrganizationAccess access)
{
    /// <summary>The cron for "every N seconds": N must divide a minute, or be whole minutes dividing an hour.</summary>
    public static (string? Cron, string? Error) EveryCron(int seconds) => seconds switch
    {
        > 0 and < 60 when 60 % seconds == 0 => ($"*/{seconds} * * * * *", null),
        >= 60 and <= 3600 when seconds % 60 == 0 && 60 % (seconds / 60) == 0 => ($"0 */{seconds / 60} * * * *", null),
        _ => (null, "every_seconds divides a minute (1-30) or is whole minutes dividing an hour (60-3600); use cron for other rhythms."),
    };

    public async Task<(OracleSchedule? Schedule, IReadOnlyList<OracleFieldError> Errors)> CreateAsync(
        OracleCaller caller, OracleSubmission submission, int? everySeconds, string? cron, CancellationToken ct)
    {
        submission = submission.Normalized();
        var errors = caller.MaySubmit ? OracleSubmissionRules.Check(submission, options.CurrentValue)
            : [new("caller", "Your roles do not allow submitting oracle requests (Admin, Operator or Developer).")];
        var (resolved, cronError) = (everySeconds, string.IsNullOrWhiteSpace(cron)) switch
        {
            (> 0, true) => EveryCron(everySeconds.Value),
            (null or 0, false) => (cron!.Trim(), null),
            _ => (null, "Give either every_seconds or cron."),
        };
        if (cronError is not null)
        {
            errors.Add(new("schedule", cronError));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (errors.Count == 0 && (!OracleAccess.MayUse(caller, submission.NetworkId) || !await db.Networks.AnyAsync(n => n.Id == submission.NetworkId, ct)))
        {
            errors.Add(new("caller.network_id", $"No network '{submission.NetworkId}'."));
        }
        if (errors.Count == 0 && submission.Source is { } source && (!OracleAccess.MayUse(caller, source.NetworkId) || !await db.Networks.AnyAsync(n => n.Id == source.NetworkId, ct)))
        {
            errors.Add(new("network_source.network_id", $"No network '{source.NetworkId}' visible to the requester's organization."));
        }
        var id = Guid.NewGuid().ToString("N");
        if (errors.Count == 0 && registry.AddOrUpdate(id, resolved!) is { } invalid)
        {
            errors.Add(new("schedule", invalid));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var schedule = new OracleSchedule
        {
            Id = id, NetworkId = submission.NetworkId, UserId = caller.UserId, SubmissionJson = JsonSerializer.Serialize(submission),
            Cron = resolved!, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.OracleSchedules.Add(schedule);
        await db.SaveChangesAsync(ct);
        return (schedule, []);
    }

    public async Task<IReadOnlyList<OracleSchedule>> ListAsync(OracleCaller caller, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OracleAccess.Visible(db.OracleSchedules.AsNoTracking(), caller).OrderBy(s => s.CreatedAt).Take(500).ToListAsync(ct);
    }

    /// <summary>Stops a schedule; false when the caller has no such schedule.</summary>
    public async Task<bool> RemoveAsync(OracleCaller caller, string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedule = await OracleAccess.Visible(db.OracleSchedules, caller).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null)
        {
            return false;
        }
        registry.Remove(id);
        db.OracleSchedules.Remove(schedule);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The schedule's user as they are now: each run sees (and reads network sources on) only the networks their
    /// organizations see at that moment, so a user who left an organization stops polling its networks.
    /// </summary>
    private async Task<OracleCaller> OwnerAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var isAdmin = await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Identity.Roles.Admin), ct);
        var networks = isAdmin ? null : await access.NetworkIdsAsync(await access.LoadCallerAsync(userId, userId, false, null, ct), currentOnly: false, ct);
        return new OracleCaller(userId, null, SeesAll: false, MaySubmit: true, NetworkIds: networks);
    }

    /// <summary>One run: a new request from the schedule's submission. A schedule gone (or its network) stops itself.</summary>
    public async Task<string> FireAsync(string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schedule = await db.OracleSchedules.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (schedule is null)
        {
            registry.Remove(id);
            return $"Schedule {id} no longer exists; its recurring run is removed.";
        }
        var submission = JsonSerializer.Deserialize<OracleSubmission>(schedule.SubmissionJson)!;
        var result = await oracle.SubmitAsync(await OwnerAsync(db, schedule.UserId, ct), submission, ct);
        if (result.Request is not { } request)
        {
            return $"Schedule {id}: refused: {string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"))}";
        }
        schedule.LastRequestId = request.Id;
        await db.SaveChangesAsync(ct);
        return $"Schedule {id}: request {request.Id} ({request.Status}).";
    }
}
