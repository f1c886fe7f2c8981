using Microsoft.Extensions.Options;
using NutPortal.Core.Community;
using NutPortal.Core.DappStore;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>
/// The DApp store API: any signed-in user browses what they may see; Developers (and Owners) of their current
/// organization publish; a DApp's owner or an Admin changes it (403 for other viewers, 404 for those who cannot see it).
/// </summary>
internal static class DappEndpoints
{
    public sealed record FrontEndRequest(string? FrontEnd);

    public static void MapDappEndpoints(this RouteGroupBuilder api)
    {
        var dapps = api.MapGroup("/dapps").WithTags("DApp store");
        dapps.MapGet("/", async (string? search, string? category, string? sort, bool? mine, int? page, int? pageSize, CallerAccessor callers, DappCatalog catalog, CancellationToken ct) =>
        {
            if (!Enum.TryParse<DappSort>(sort ?? "newest", ignoreCase: true, out var order) || int.TryParse(sort, out _))
            {
                return FieldErrors.Single("sort", "One of: newest, rating, activity.");
            }
            if (!string.IsNullOrEmpty(category) && !DappCategories.IsKnown(category))
            {
                return FieldErrors.Single("category", $"One of: {string.Join(", ", DappCategories.All)}.");
            }
            var result = await catalog.ListAsync(new DappQuery(search, category, order, mine ?? false, page ?? 0, pageSize ?? 12), await callers.GetAsync(ct), ct);
            return Results.Ok(new { items = result.Items.Select(DappListResource.From), total = result.Total });
        }).WithSummary("Published DApps the caller may see (or, with mine=true, the caller's own in any state); sort=newest|rating|activity");
        dapps.MapGet("/categories", () => Results.Ok(DappCategories.All)).WithSummary("The store's categories");
        dapps.MapGet("/{id}", async (string id, CallerAccessor callers, DappCatalog catalog, MarkdownRenderer markdown, CancellationToken ct) =>
            await catalog.GetAsync(id, await callers.GetAsync(ct), ct) is { } detail ? Results.Ok(DappResource.From(detail, markdown)) : Results.NotFound())
            .WithSummary("A DApp: its network, platform and consensus, rendered description, contracts with source and scan, bundle and rating");
        dapps.MapPost("/", async (DappInput input, CallerAccessor callers, DappStoreService store, DappCatalog catalog, MarkdownRenderer markdown, CancellationToken ct) =>
        {
            var caller = await callers.GetAsync(ct);
            var created = await store.CreateAsync(input, caller, ct);
            return created.Succeeded
                ? Results.Created($"/api/v1/dapps/{created.Value!.Id}", DappResource.From((await catalog.GetAsync(created.Value.Id, caller, ct))!, markdown))
                : created.ToResult(_ => Results.Ok(), "The DApp has invalid fields");
        }).WithSummary("Create a DApp as a draft in the current organization (Developer or Owner there)");
        dapps.MapPut("/{id}", async (string id, DappInput input, CallerAccessor callers, DappStoreService store, CancellationToken ct) =>
            (await store.UpdateAsync(id, input, await callers.GetAsync(ct), ct)).ToResult(d => Results.Ok(new { id = d.Id }), "The DApp has invalid fields"))
            .WithSummary("Change a DApp (its owner or an Admin)");
        foreach (var (verb, state) in new[] { ("publish", DappState.Published), ("unlist", DappState.Unlisted), ("draft", DappState.Draft) })
        {
            dapps.MapPost("/{id}/" + verb, async (string id, CallerAccessor callers, DappStoreService store, CancellationToken ct) =>
                (await store.SetStateAsync(id, state, await callers.GetAsync(ct), ct)).ToResult(d => Results.Ok(new { id = d.Id, state = d.State.ToString().ToLowerInvariant() })))
                .WithSummary($"Move a DApp to {state} (its owner or an Admin)");
        }
        dapps.MapPut("/{id}/front-end", async (string id, FrontEndRequest request, CallerAccessor callers, DappStoreService store, CancellationToken ct) =>
            !Enum.TryParse<DappFrontEnd>(request.FrontEnd, ignoreCase: true, out var frontEnd) || int.TryParse(request.FrontEnd, out _)
                ? FieldErrors.Single("frontEnd", "One of: generated, bundle.")
                : (await store.SetFrontEndAsync(id, frontEnd, await callers.GetAsync(ct), ct)).ToResult(d => Results.Ok(new { id = d.Id, frontEnd = d.FrontEnd.ToString().ToLowerInvariant() })))
            .WithSummary("Use the generated forms or the uploaded bundle as the front end");
        MapUploads(dapps);
        dapps.MapGet("/{id}/stats", async (string id, CallerAccessor callers, DappCatalog catalog, DappLiveCounters counters, CancellationToken ct) =>
            await catalog.GetAsync(id, await callers.GetAsync(ct), ct) is null ? Results.NotFound() : Results.Ok(await counters.ReadAsync(id, ct)))
            .WithSummary("Live users (distinct senders) and transactions in the last 24 h, and TPS over the last minute, from the explorer");
        MapDappCommunity(dapps);
    }

    private static void MapUploads(RouteGroupBuilder dapps)
    {
        dapps.MapGet("/{id}/icon", async (string id, CallerAccessor callers, DappCatalog catalog, CancellationToken ct) =>
            await catalog.IconAsync(id, await callers.GetAsync(ct), ct) is { } icon ? Results.File(icon.Bytes, icon.ContentType) : Results.NotFound())
            .WithSummary("The DApp's icon");
        dapps.MapPut("/{id}/icon", async (string id, HttpRequest request, CallerAccessor callers, DappStoreService store, CancellationToken ct) =>
        {
            if (request.ContentLength > IconCheck.MaxBytes)
            {
                return TooLarge($"The icon is {request.ContentLength} bytes; the limit is {IconCheck.MaxBytes} bytes (64 KiB).");
            }
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            return (await store.SetIconAsync(id, buffer.ToArray(), await callers.GetAsync(ct), ct)).ToResult(_ => Results.NoContent());
        }).WithSummary("Set the icon: the image's bytes as the body (PNG, JPEG, GIF or WebP, at most 64 KiB)");
        dapps.MapPost("/{id}/bundle", async (string id, HttpRequest request, CallerAccessor callers, DappBundleStore bundles, IOptions<DappStoreOptions> options, CancellationToken ct) =>
        {
            var limit = options.Value.MaxBundleBytes;
            if (request.ContentLength > limit)
            {
                return TooLarge($"The bundle is {request.ContentLength} bytes; the limit is {limit} bytes (Portal:DappStore:MaxBundleBytes).");
            }
            return (await bundles.UploadAsync(id, request.Body, await callers.GetAsync(ct), ct))
                .ToResult(b => Results.Created(b.Key, BundleResource.From(b)), "The bundle was refused");
        }).WithSummary("Upload a static front end: the zip's bytes as the body (index.html at its root); it becomes the DApp's front end");
    }

    private static void MapDappCommunity(RouteGroupBuilder dapps)
    {
        dapps.MapGet("/{id}/reviews", async (string id, int? page, CallerAccessor callers, DappCatalog catalog, ReviewService reviews, MarkdownRenderer markdown, CancellationToken ct) =>
        {
            var caller = await callers.GetAsync(ct);
            if (await catalog.GetAsync(id, caller, ct) is null)
            {
                return Results.NotFound();
            }
            var result = await reviews.ListAsync(id, caller, page ?? 0, ct: ct);
            return Results.Ok(new { items = result.Items.Select(r => ReviewResource.From(r, markdown)), total = result.Total });
        }).WithSummary("Reviews of a DApp, newest first");
        dapps.MapPut("/{id}/reviews/mine", async (string id, CommunityEndpoints.ReviewRequest request, CallerAccessor callers, ReviewService reviews, MarkdownRenderer markdown, CancellationToken ct) =>
            (await reviews.RateAsync(id, request.Stars ?? 0, request.Body, await callers.GetAsync(ct), ct)).ToResult(r => Results.Ok(ReviewResource.From(r, markdown)), "The review has invalid fields"))
            .WithSummary("Rate a DApp 1 to 5 with an optional review (Markdown); one per user, a second call edits it");
        dapps.MapGet("/{id}/threads", async (string id, string? sort, int? page, CallerAccessor callers, DappCatalog catalog, ThreadService threads, CancellationToken ct) =>
        {
            var caller = await callers.GetAsync(ct);
            if (await catalog.GetAsync(id, caller, ct) is null)
            {
                return Results.NotFound();
            }
            var result = await threads.ListAsync(id, sort == "newest" ? ThreadSort.Newest : ThreadSort.Activity, caller, page ?? 0, ct: ct);
            return Results.Ok(new { items = result.Items.Select(ThreadItemResource.From), total = result.Total });
        }).WithSummary("Discussion threads about a DApp");
        dapps.MapPost("/{id}/threads", async (string id, CommunityEndpoints.ThreadRequest request, CallerAccessor callers, ThreadService threads, CancellationToken ct) =>
            (await threads.CreateAsync(id, request.Title, request.Body, await callers.GetAsync(ct), ct))
                .ToResult(t => Results.Created($"/api/v1/community/threads/{t.Id}", new { id = t.Id }), "The thread has invalid fields"))
            .WithSummary("Start a thread about a DApp");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large", detail: detail);
}
