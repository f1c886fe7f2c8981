using NutPortal.Web.Account;
using NutPortal.Workers.Jobs;

namespace NutPortal.Web.Api;

internal static class JobEndpoints
{
    public static void MapJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization(Policies.Admin);
        jobs.MapGet("/", async (JobDashboard dashboard, CancellationToken ct) => TypedResults.Ok(await dashboard.ListJobsAsync(ct)))
            .WithSummary("Scheduled background jobs (Admin)");
        jobs.MapGet("/runs", async (JobDashboard dashboard, string? job, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await dashboard.RecentRunsAsync(limit ?? 50, job, ct)))
            .WithSummary("Recent job runs, newest first (Admin)");
        jobs.MapPost("/{name}/trigger", async (string name, JobDashboard dashboard, CancellationToken ct) =>
                await dashboard.TriggerAsync(name, ct) ? Results.Accepted() : Results.NotFound())
            .WithSummary("Run a job now (Admin)");
    }
}
