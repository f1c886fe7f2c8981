using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using NutPortal.Core.Organizations;

namespace NutPortal.Web.Organizations;

/// <summary>
/// Adds the portal roles a user's organization roles grant (an Operator of any organization passes the "operate"
/// gate of pages and endpoints; what they may touch is then decided per resource by its organization), and keeps
/// the request's <see cref="Caller"/> so the endpoints read memberships once per request.
/// </summary>
public sealed class OrganizationClaims(CallerCache callers, IHttpContextAccessor http) : IClaimsTransformation
{
    private const string Marker = "nutportal:org-roles";

    /// <summary>One claim per organization role, "organizationId|role" (policies that concern one organization read it).</summary>
    public const string OrganizationRole = "nutportal:org-role";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == Marker) || principal.FindFirstValue(ClaimTypes.NameIdentifier) is null)
        {
            return principal;
        }
        var context = http.HttpContext;
        var caller = await callers.GetAsync(principal, context?.Request.Headers[CallerAccessor.OrganizationHeader].FirstOrDefault(), context?.RequestAborted ?? default);
        context?.Items[typeof(Caller)] = caller;
        var roleType = (principal.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        var identity = new ClaimsIdentity(Marker, ClaimTypes.Name, roleType);
        identity.AddClaim(new Claim(Marker, "1"));
        foreach (var role in caller.Roles.Values.SelectMany(r => r).SelectMany(OrgRoles.PortalRoles).Distinct().Where(r => !principal.IsInRole(r)))
        {
            identity.AddClaim(new Claim(roleType, role));
        }
        foreach (var (organization, roles) in caller.Roles)
        {
            identity.AddClaims(roles.Select(r => new Claim(OrganizationRole, $"{organization}|{r}")));
        }
        var result = principal.Clone();
        result.AddIdentity(identity);
        return result;
    }
}
