using NutPortal.Core.Community;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>The community API: the general board's threads, replies, edits and deletes by authors, abuse reports, and hiding (Admins).</summary>
internal static class CommunityEndpoints
{
    public sealed record ThreadRequest(string? Title, string? Body);

    public sealed record ReplyRequest(string? Body);

    public sealed record ReviewRequest(int? Stars, string? Body);

    public sealed record ReportRequest(string? Target, long? TargetId, string? Reason);

    public sealed record HideRequest(bool? Hidden);

    public static void MapCommunityEndpoints(this RouteGroupBuilder api)
    {
        var community = api.MapGroup("/community").WithTags("Community");
        community.MapGet("/threads", async (string? sort, int? page, CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
        {
            var result = await threads.ListAsync(null, sort == "newest" ? ThreadSort.Newest : ThreadSort.Activity, await callers.GetAsync(ct), page ?? 0, ct: ct);
            return Results.Ok(new { items = result.Items.Select(ThreadItemResource.From), total = result.Total });
        }).WithSummary("The general board's threads; sort=activity (default) or newest");
        community.MapGet("/highlights", async (CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
        {
            var (newest, active) = await threads.HighlightsAsync(await callers.GetAsync(ct), ct: ct);
            return Results.Ok(new { newest = newest.Select(ThreadItemResource.From), mostActive = active.Select(ThreadItemResource.From) });
        }).WithSummary("The newest threads and the most replied-to of the last week (the dashboard's)");
        community.MapPost("/threads", async (ThreadRequest request, CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
            (await threads.CreateAsync(null, request.Title, request.Body, await callers.GetAsync(ct), ct))
                .ToResult(t => Results.Created($"/api/v1/community/threads/{t.Id}", new { id = t.Id }), "The thread has invalid fields"))
            .WithSummary("Start a thread on the general board (Markdown body)");
        community.MapGet("/threads/{id:long}", async (long id, CallerAccessor callers, ThreadService threads, MarkdownRenderer markdown, CancellationToken ct) =>
            await threads.GetAsync(id, await callers.GetAsync(ct), ct) is { } page ? Results.Ok(ThreadResource.From(page.Thread, page.DappName, page.Replies, markdown)) : Results.NotFound())
            .WithSummary("A thread with its replies; bodies as Markdown and as sanitized HTML");
        community.MapPut("/threads/{id:long}", async (long id, ThreadRequest request, CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
            (await threads.EditThreadAsync(id, request.Title, request.Body, await callers.GetAsync(ct), ct)).ToResult(t => Results.Ok(new { id = t.Id })))
            .WithSummary("Edit a thread (its author)");
        community.MapDelete("/threads/{id:long}", async (long id, CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
            (await threads.DeleteThreadAsync(id, await callers.GetAsync(ct), ct)).ToResult(_ => Results.NoContent()))
            .WithSummary("Delete a thread and its replies (its author)");
        community.MapPost("/threads/{id:long}/replies", async (long id, ReplyRequest request, CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
            (await threads.ReplyAsync(id, request.Body, await callers.GetAsync(ct), ct)).ToResult(r => Results.Created($"/api/v1/community/replies/{r.Id}", new { id = r.Id })))
            .WithSummary("Reply to a thread");
        community.MapPut("/replies/{id:long}", async (long id, ReplyRequest request, CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
            (await threads.EditReplyAsync(id, request.Body, await callers.GetAsync(ct), ct)).ToResult(r => Results.Ok(new { id = r.Id })))
            .WithSummary("Edit a reply (its author)");
        community.MapDelete("/replies/{id:long}", async (long id, CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
            (await threads.DeleteReplyAsync(id, await callers.GetAsync(ct), ct)).ToResult(_ => Results.NoContent()))
            .WithSummary("Delete a reply (its author)");
        community.MapDelete("/reviews/{id:long}", async (long id, CallerAccessor callers, ReviewService reviews, CancellationToken ct) =>
            (await reviews.DeleteAsync(id, await callers.GetAsync(ct), ct)).ToResult(_ => Results.NoContent()))
            .WithSummary("Delete a review (its author)");
        MapModeration(community);
    }

    private static void MapModeration(RouteGroupBuilder community)
    {
        community.MapPost("/reports", async (ReportRequest request, CallerAccessor callers, ModerationService moderation, CancellationToken ct) =>
            !TryTarget(request.Target, out var target) ? FieldErrors.Single("target", "One of: thread, reply, review.")
            : request.TargetId is not { } targetId ? FieldErrors.Single("targetId", "The id of the post.")
            : (await moderation.ReportAsync(target, targetId, request.Reason, await callers.GetAsync(ct), ct)).ToResult(r => Results.Created($"/api/v1/community/reports/{r.Id}", new { id = r.Id })))
            .WithSummary("Report a thread, reply or review as abusive");
        community.MapGet("/reports", async (int? page, CallerAccessor callers, ModerationService moderation, CancellationToken ct) =>
            (await moderation.ReportsAsync(await callers.GetAsync(ct), page ?? 0, ct: ct)).ToResult(r => Results.Ok(new
            {
                items = r.Items.Select(x => new { x.Id, target = x.Target.ToString().ToLowerInvariant(), x.TargetId, x.ReporterName, x.Reason, x.CreatedAt }),
                total = r.Total,
            }))).WithSummary("Abuse reports, newest first (Admins)");
        foreach (var (path, target) in new[] { ("threads", AbuseTarget.Thread), ("replies", AbuseTarget.Reply), ("reviews", AbuseTarget.Review) })
        {
            community.MapPut($"/{path}/{{id:long}}/hidden", async (long id, HideRequest request, CallerAccessor callers, ModerationService moderation, CancellationToken ct) =>
                (await moderation.HideAsync(target, id, request.Hidden ?? true, await callers.GetAsync(ct), ct)).ToResult(h => Results.Ok(new { id, hidden = h })))
                .WithSummary($"Hide or show a {target.ToString().ToLowerInvariant()} (Admins)");
        }
    }

    private static bool TryTarget(string? value, out AbuseTarget target) =>
        Enum.TryParse(value, ignoreCase: true, out target) && !int.TryParse(value, out _);
}
