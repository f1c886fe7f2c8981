using Hangfire;
using Hangfire.Dashboard;
using NutPortal.Core.Identity;
using NutPortal.Web.Account;

namespace NutPortal.Web.Hosting;

/// <summary>
/// Hangfire's dashboard at /admin/jobs behind the <see cref="Policies.JobDashboard"/> policy (Admins and
/// Operators; others 403, signed-out visitors to the sign-in page): Admins may re-run, delete and trigger,
/// Operators only look.
/// </summary>
internal static class JobDashboard
{
    public const string Path = "/admin/jobs";

    public static IEndpointConventionBuilder MapJobDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(Policies.JobDashboard, Path, new DashboardOptions
        {
            DashboardTitle = "NutPortal jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
        });
}
