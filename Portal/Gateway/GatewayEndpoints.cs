using System.Text.Json;
using Microsoft.Extensions.Options;
using NutPortal.Core.Gateway;
using NutPortal.Web.Account;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Gateway;

/// <summary>
/// <c>POST /rpc/{networkId}</c>: the network's authenticated JSON-RPC gateway for DApps, wallets and scripts (API token
/// in <c>Authorization: Bearer</c>, or an identity's signed answer in <c>Authorization: Identity</c>; cookies are not accepted, so no page of another site can post here in a user's
/// name). <c>GET /api/v1/networks/{id}/gateway/refusals</c>: what it refused and why.
/// </summary>
internal static class GatewayEndpoints
{
    public static void MapRpcGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/rpc/{networkId}", async (string networkId, HttpContext http, CallerAccessor callers, RpcGateway gateway, IOptions<GatewayOptions> options) =>
        {
            var limit = options.Value.MaxBodyBytes;
            if (http.Request.ContentLength > limit)
            {
                return Reply(413, RpcGateway.Error(null, -32600, $"The request is {http.Request.ContentLength} bytes; the gateway takes at most {limit} (Portal:Gateway:MaxBodyBytes)."));
            }
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return Reply(413, RpcGateway.Error(null, -32600, $"The request is over {limit} bytes (Portal:Gateway:MaxBodyBytes)."));
                }
                body.Write(buffer, 0, read);
            }
            JsonElement request;
            try
            {
                using var document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
                request = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                return Reply(400, RpcGateway.Error(null, -32700, $"The body is not JSON: {e.Message}"));
            }
            var reply = await gateway.HandleAsync(networkId, request, await callers.GetAsync(http.RequestAborted), http.RequestAborted);
            return Reply(reply.StatusCode, reply.Body);
        }).RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityChain.IdentitySignatureAuthenticationHandler.GatewaySchemeName).RequireAuthenticatedUser())
          .DisableAntiforgery().WithTags("Gateway").WithSummary("JSON-RPC to the network's nodes: reads and signed transactions, checked before they reach a node");
    }

    public static void MapGatewayEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/networks/{id}/gateway/refusals", async (string id, int? limit, RpcGateway gateway, CancellationToken ct) =>
            Results.Ok(await gateway.RefusalsAsync(id, limit ?? 100, ct)))
            .Needs(AccessRight.OperateAny).WithTags("Gateway").WithSummary("Calls the gateway did not relay, newest first, with the rule that refused each (Operators)");

    private static IResult Reply(int status, System.Text.Json.Nodes.JsonNode body) =>
        Results.Content(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);
}
