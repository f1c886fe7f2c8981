using System.Security.Claims;
using NutPortal.Core.Identity;

namespace NutPortal.Web.Api;

internal static class MeEndpoints
{
    public sealed record MeResponse(string Id, string Name, string? Email, IReadOnlyList<string> Roles, string AuthenticatedBy);

    public static void MapMeEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
                user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
                user.Identity?.Name ?? "",
                user.FindFirstValue(ClaimTypes.Email),
                [.. Roles.All.Where(user.IsInRole)],
                user.Identity?.AuthenticationType ?? "")))
            .WithTags("Account")
            .WithSummary("The caller's name and roles");
}
