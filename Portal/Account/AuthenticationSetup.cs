using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using NutPortal.Core.Identity;
using NutPortal.Web.Api;

namespace NutPortal.Web.Account;

internal static class AuthenticationSetup
{
    public const string SmartScheme = "NutPortal";

    /// <summary>
    /// One default scheme that picks Bearer tokens when an Authorization header is present and the Identity
    /// cookie otherwise. API callers get 401/403 problem details instead of a redirect to the sign-in page.
    /// </summary>
    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.ReadSecret(context.Request) is not null
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, IdentityChain.IdentitySignatureAuthenticationHandler>(IdentityChain.IdentitySignatureAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(IdentityChain.IdentitySignatureAuthenticationHandler.GatewaySchemeName, "API token or identity signature", o => o.ForwardDefaultSelector = context =>
                IdentityChain.IdentitySignatureAuthenticationHandler.Read(context.Request) is not null
                    ? IdentityChain.IdentitySignatureAuthenticationHandler.SchemeName
                    : ApiTokenAuthenticationHandler.SchemeName)
            .AddIdentityCookies();

        services.AddSingleton<TokenPrincipalCache>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "nutportal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => ApiPaths.IsApi(context.HttpContext)
                ? ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required", "Send a Bearer token or sign in.")
                : RedirectAsync(context);
            // The job dashboard (Hangfire's own pages, not Blazor) answers a plain 403 too.
            o.Events.OnRedirectToAccessDenied = context => ApiPaths.IsApi(context.HttpContext) || context.Request.Path.StartsWithSegments("/admin/jobs", StringComparison.OrdinalIgnoreCase)
                ? ProblemResponses.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden", "Your roles do not allow this.")
                : RedirectAsync(context);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.Admin, Roles.Operator))
            // Jobs of every organization are listed there: the portal's Admins and the Default organization's operators only.
            .AddPolicy(Policies.JobDashboard, p => p.RequireAssertion(c => c.User.IsInRole(Roles.Admin)
                || c.User.HasClaim(Organizations.OrganizationClaims.OrganizationRole, $"{NutPortal.Core.Organizations.Organization.DefaultId}|{NutPortal.Core.Organizations.OrgRoles.Operator}")
                || c.User.HasClaim(Organizations.OrganizationClaims.OrganizationRole, $"{NutPortal.Core.Organizations.Organization.DefaultId}|{NutPortal.Core.Organizations.OrgRoles.Owner}")));
        return services;
    }

    private static Task RedirectAsync(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string Admin = "Admin";

    /// <summary>Create, change and delete networks and nodes: Admins and Operators.</summary>
    public const string Operate = "Operate";

    /// <summary>Hangfire's dashboard at /admin/jobs: Admins (full) and the Default organization's Operators and Owners (read-only).</summary>
    public const string JobDashboard = "JobDashboard";
}
