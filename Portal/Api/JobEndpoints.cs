using NutPortal.Web.Account;
using NutPortal.Workers.Jobs;

namespace NutPortal.Web.Api;

internal static class JobEndpoints
{
    public static void MapJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs").RequireAuthorization(Policies.Admin);
        jobs.MapGet("/", (JobHistory history) => TypedResults.Ok(history.RecurringJobs()))
            .WithSummary("Recurring background jobs with their schedule, next and last run (Admin)");
        jobs.MapGet("/runs", (JobHistory history, int? limit) => TypedResults.Ok(history.RecentRuns(limit ?? 50)))
            .WithSummary("Recent job runs, newest first (Admin); the dashboard at /admin/jobs has every detail");
        jobs.MapPost("/{id}/trigger", (string id, JobHistory history) => history.Trigger(id) ? Results.Accepted() : Results.NotFound())
            .WithSummary("Run a recurring job now (Admin)");
    }
}
