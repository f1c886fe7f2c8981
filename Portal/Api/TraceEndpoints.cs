using NutPortal.Core.Explorer;
using NutPortal.Core.Networks;
using NutPortal.Core.Traces;

namespace NutPortal.Web.Api;

internal static class TraceEndpoints
{
    public static void MapTraceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/networks/{id}/transactions/{hash}/trace", async (string id, string hash, TransactionTraces traces, CancellationToken ct) =>
        {
            if (!ExplorerSearch.IsHex(hash, 32))
            {
                return FieldErrors.Single("hash", "A 0x transaction hash of 64 hex digits.");
            }
            return await traces.GetAsync(id, hash, includeCallTree: true, ct) is { } trace ? Results.Ok(trace) : Results.NotFound();
        }).WithTags("Traces").WithSummary("The transaction's stages as spans (slowest named) and its call tree from debug_traceTransaction");

        api.MapGet("/networks/{id}/traces", async (string id, string? status, bool? portalOnly, string? limit, NetworkCatalog networks, TraceOverview overview, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            bool? succeeded = status switch { "success" => true, "failed" => false, _ => null };
            if (status is not (null or "" or "all" or "success" or "failed"))
            {
                errors.Add("status", "One of: all, success, failed.");
            }
            var take = ExplorerInput.OptionalNumber(limit, "limit", 1, 1000, errors) ?? 100;
            if (errors.Any)
            {
                return errors.ToResult();
            }
            if (await networks.GetAsync(id, ct) is null)
            {
                return Results.NotFound();
            }
            var result = await overview.LoadAsync(id, new TraceFilter(succeeded, portalOnly ?? false, (int)take), ct);
            return Results.Ok(new { stages = result.Stages, transactions = result.Rows });
        }).WithTags("Traces").WithSummary("Recent transactions' stage spans (filter by status, portal-sent only) and per-stage p50/p95/p99 in milliseconds");
    }
}
