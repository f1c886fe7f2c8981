using System.Text.Json;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>
/// The portal's read API over a network's chain, the same on every platform: an address's balances and a read-only
/// contract call. Under /networks/{id}, so a caller who may not see the network gets 404.
/// </summary>
internal static class ChainReadEndpoints
{
    public sealed record CallRequest(string? Contract, string? Method, JsonElement[]? Args);

    public static void MapChainReadEndpoints(this RouteGroupBuilder api)
    {
        var chain = api.MapGroup("/networks/{id}/chain").WithTags("Networks");
        chain.MapGet("/balances/{address}", async (string id, string address, string? asset, ChainReader reader, CancellationToken ct) =>
        {
            try
            {
                var read = await reader.BalancesAsync(id, address, asset, ct);
                return Results.Ok(new { networkId = id, read.Address, read.Height, read.Balances });
            }
            catch (ChainReadException ex)
            {
                return Problem(ex);
            }
        }).WithSummary("What an address holds on the network's chain (Ethereum: ether; Neo: NEP-17 tokens, NEO and GAS first; Litecoin: coins in the UTXO set); ?asset= picks one");

        chain.MapPost("/call", async (string id, CallRequest request, ChainReader reader, CancellationToken ct) =>
        {
            try
            {
                var result = await reader.CallAsync(id, new ChainCall(request.Contract ?? "", request.Method ?? "", request.Args ?? []), ct);
                return Results.Ok(new { networkId = id, result.Height, result.Values, result.Raw, result.GasConsumed });
            }
            catch (ChainReadException ex)
            {
                return Problem(ex);
            }
        }).Needs(AccessRight.View)
        .WithSummary("A read-only contract call (Ethereum: eth_call of a signature such as 'balanceOf(address) returns (uint256)' or 0x calldata; Neo: an invokefunction test run); nothing is sent to the chain");
    }

    internal static IResult Problem(ChainReadException ex) => ex.Failure switch
    {
        ChainReadFailure.NotFound => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found on the chain"),
        ChainReadFailure.InvalidInput => FieldErrors.Single(ex.Field ?? "request", ex.Message),
        ChainReadFailure.Unsupported => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not supported on this platform"),
        ChainReadFailure.CallFailed => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The contract call failed"),
        ChainReadFailure.NoNode => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No node is up"),
        _ => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "The node gave no usable answer"),
    };
}
