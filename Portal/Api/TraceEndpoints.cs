using NutPortal.Core.Explorer;
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
    }
}
