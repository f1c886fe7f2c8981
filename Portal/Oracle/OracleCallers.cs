using System.Security.Claims;
using NutPortal.Core.Identity;
using NutPortal.Core.Oracle;

namespace NutPortal.Web.Oracle;

/// <summary>The oracle caller behind a signed-in principal (API token or cookie).</summary>
public static class OracleCallers
{
    public static OracleCaller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in principal has a user id."),
        Guid.TryParse(user.FindFirstValue("token_id"), out var token) ? token : null,
        SeesAll: user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator),
        MaySubmit: user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Developer));
}
