using System.Security.Claims;
using NutPortal.Core.Identity;
using NutPortal.Core.Oracle;
using NutPortal.Core.Organizations;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Oracle;

/// <summary>The oracle caller behind a signed-in principal (API token or cookie), with the networks its organizations see.</summary>
public static class OracleCallers
{
    public static async Task<OracleCaller> FromAsync(ClaimsPrincipal user, OrganizationAccess access, CancellationToken ct)
    {
        var caller = await CallerAccessor.LoadAsync(access, user, null, ct);
        var seesAll = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator);
        return new OracleCaller(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in principal has a user id."),
            Guid.TryParse(user.FindFirstValue("token_id"), out var token) ? token : null,
            SeesAll: seesAll,
            MaySubmit: seesAll || user.IsInRole(Roles.Developer),
            NetworkIds: caller.IsAdmin ? null : await access.NetworkIdsAsync(caller, currentOnly: false, ct),
            OperatedNetworkIds: caller.IsAdmin ? null : await access.OperatedNetworkIdsAsync(caller, ct));
    }
}
