namespace NutPortal.Core.Oracle;

/// <summary>
/// The one place that decides which oracle requests a caller may see: only requests on networks their organizations
/// may see; of those, everyone's on the networks they operate (Admins and Operators), their own elsewhere. Admins and
/// the portal's own work see all. Every query (page, API, gRPC Get, Watch, Unschedule) goes through it, for requests
/// and schedules alike.
/// </summary>
public static class OracleAccess
{
    public static IQueryable<OracleRequest> Visible(IQueryable<OracleRequest> requests, OracleCaller caller)
    {
        if (caller.NetworkIds is null)
        {
            return caller.SeesAll ? requests : requests.Where(r => r.UserId == caller.UserId);
        }
        var networks = caller.NetworkIds.ToList();
        var operated = caller.SeesAll ? (caller.OperatedNetworkIds ?? []).ToList() : [];
        return requests.Where(r => networks.Contains(r.NetworkId) && (r.UserId == caller.UserId || operated.Contains(r.NetworkId)));
    }

    /// <summary>The same rule for scheduled requests.</summary>
    public static IQueryable<OracleSchedule> Visible(IQueryable<OracleSchedule> schedules, OracleCaller caller)
    {
        if (caller.NetworkIds is null)
        {
            return caller.SeesAll ? schedules : schedules.Where(s => s.UserId == caller.UserId);
        }
        var networks = caller.NetworkIds.ToList();
        var operated = caller.SeesAll ? (caller.OperatedNetworkIds ?? []).ToList() : [];
        return schedules.Where(s => networks.Contains(s.NetworkId) && (s.UserId == caller.UserId || operated.Contains(s.NetworkId)));
    }

    /// <summary>The same rule for one request already loaded (live events).</summary>
    public static bool CanSee(OracleCaller caller, string ownerUserId, string networkId) =>
        caller.NetworkIds is null
            ? caller.SeesAll || ownerUserId == caller.UserId
            : caller.NetworkIds.Contains(networkId) && (ownerUserId == caller.UserId || (caller.SeesAll && (caller.OperatedNetworkIds?.Contains(networkId) ?? false)));

    /// <summary>Whether the caller may send requests for a network (one their organizations may see).</summary>
    public static bool MayUse(OracleCaller caller, string networkId) => caller.NetworkIds is null || caller.NetworkIds.Contains(networkId);
}
