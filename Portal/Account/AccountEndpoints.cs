using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NutPortal.Core.Identity;

namespace NutPortal.Web.Account;

internal static class AccountEndpoints
{
    /// <summary>Sign-out is a POST from a form carrying an antiforgery token (validated because it binds a form).</summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async (SignInManager<PortalUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        }).ExcludeFromDescription();
}
