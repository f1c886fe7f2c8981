using NutPortal.Core.Explorer;
using NutPortal.Core.Networks;
using NutPortal.Core.Traces;

namespace NutPortal.Web.Api;

internal static class TraceEndpoints
{
    /// <summary>An Ethereum 0x hash, or a Litecoin transaction id (64 hex digits without 0x).</summary>
    private static bool IsTransactionId(string hash) => ExplorerSearch.IsHex(hash, 32) || (hash.Length == 64 && ExplorerSearch.IsHex("0x" + hash, 32));

    public static void MapTraceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/networks/{id}/transactions/{hash}/trace", async (string id, string hash, TransactionTraces traces, CancellationToken ct) =>
        {
            if (!IsTransactionId(hash))
            {
                return FieldErrors.Single("hash", "A transaction hash of 64 hex digits (0x-prefixed on Ethereum).");
            }
            return await traces.GetAsync(id, hash, includeCallTree: true, ct) is { } trace ? Results.Ok(trace) : Results.NotFound();
        }).WithTags("Traces").WithSummary("The transaction's stages as spans (slowest named) and its call tree from debug_traceTransaction");

        api.MapGet("/networks/{id}/transactions/{hash}/trace/otlp", async (string id, string hash, TransactionTraces traces, CancellationToken ct) =>
        {
            if (!IsTransactionId(hash))
            {
                return FieldErrors.Single("hash", "A transaction hash of 64 hex digits (0x-prefixed on Ethereum).");
            }
            return await traces.GetAsync(id, hash, includeCallTree: false, ct) is { } trace
                ? Results.Text(OtlpExport.ToOtlp(trace).ToJsonString(), "application/json")
                : Results.NotFound();
        }).WithTags("Traces").WithSummary("The transaction's stages as OTLP/JSON spans, to import into Jaeger, Tempo or any OTLP backend");

        api.MapGet("/networks/{id}/traces", async (HttpRequest request, string id, string? status, bool? portalOnly, string? limit, NetworkCatalog networks, TraceOverview overview, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            bool? succeeded = status switch { "success" => true, "failed" => false, _ => null };
            if (status is not (null or "" or "all" or "success" or "failed"))
            {
                errors.Add("status", "One of: all, success, failed.");
            }
            var take = ExplorerInput.OptionalNumber(limit, "limit", 1, 1000, errors) ?? 100;
            var paged = TracePageInput.Parse(request.Query, errors);
            if (errors.Any)
            {
                return errors.ToResult();
            }
            if (await networks.GetAsync(id, ct) is null)
            {
                return Results.NotFound();
            }
            if (paged is { } input)
            {
                var page = await overview.PageAsync(new TraceQuery(id, succeeded, portalOnly ?? false, input.Slowest, input.From, input.To), input.Page, ct);
                return Results.Ok(new
                {
                    stages = page.Stages, transactions = page.Rows.Items, total = page.Rows.Total, page = input.Page.Page, pageSize = input.Page.Size,
                    latencyHistogram = page.Latency, windowFull = page.WindowFull, nodes = page.Nodes ?? [],
                });
            }
            var result = await overview.LoadAsync(id, new TraceFilter(succeeded, portalOnly ?? false, (int)take), ct);
            return Results.Ok(new { stages = result.Stages, transactions = result.Rows });
        }).WithTags("Traces").WithSummary(
            "Recent transactions' stage spans (filter by status, portal-sent only) and per-stage p50/p95/p99 in milliseconds; with page, pageSize, slowest, from or to: "
            + "one page of the newest 2,000 matching traces, their total, a histogram of end-to-end latency, and per node p50/p95/p99 of propagation and import "
            + "(networks without an explorer index, Neo and Litecoin, list the transactions the portal sent from its recorded spans)");
    }

    /// <summary>OTLP/HTTP with JSON bodies at the standard path; an API token is required (no cookie).</summary>
    public static void MapOtlpIngest(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/v1/traces", async (HttpRequest request, Organizations.CallerAccessor callers, OtlpIngest ingest, CancellationToken ct) =>
        {
            if (!request.HasJsonContentType())
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                    detail: "Send OTLP/JSON (application/json); the protobuf encoding is not accepted.");
            }
            var body = await request.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct);
            if (body.ValueKind != System.Text.Json.JsonValueKind.Object || !body.TryGetProperty("resourceSpans", out _))
            {
                return FieldErrors.Single("resourceSpans", "An OTLP ExportTraceServiceRequest object with resourceSpans.");
            }
            var result = await ingest.IngestAsync(body, await callers.GetAsync(ct), ct);
            return Results.Ok(result.Rejected == 0
                ? new { partialSuccess = (object?)null }
                : new { partialSuccess = (object?)new { rejectedSpans = result.Rejected, errorMessage = result.FirstError } });
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(Account.ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
        .WithTags("Traces").WithSummary("OTLP/HTTP JSON trace ingest: spans naming a network and a transaction become stages of its trace");
}
