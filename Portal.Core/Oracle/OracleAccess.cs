namespace NutPortal.Core.Oracle;

/// <summary>
/// The one place that decides which oracle requests a caller may see: Admins and Operators see all, everyone else
/// the requests (and schedules) they submitted. Every query (page, API, gRPC Get, Watch, Unschedule) goes through it.
/// </summary>
public static class OracleAccess
{
    public static IQueryable<OracleRequest> Visible(IQueryable<OracleRequest> requests, OracleCaller caller) =>
        caller.SeesAll ? requests : requests.Where(r => r.UserId == caller.UserId);

    /// <summary>The same rule for scheduled requests.</summary>
    public static IQueryable<OracleSchedule> Visible(IQueryable<OracleSchedule> schedules, OracleCaller caller) =>
        caller.SeesAll ? schedules : schedules.Where(s => s.UserId == caller.UserId);

    /// <summary>The same rule for one request already loaded (live events).</summary>
    public static bool CanSee(OracleCaller caller, string ownerUserId) => caller.SeesAll || ownerUserId == caller.UserId;
}
