using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;

namespace NutPortal.Web.Api;

/// <summary>
/// The chain browser's API for platforms read through their own RPC (Neo, Litecoin): blocks, a block, a transaction,
/// an address and a search, each read from the node on demand. Under /networks/{id}, so a caller who may not see the
/// network gets 404; an unknown block, transaction or address is 404 too, malformed input 400 naming the field.
/// </summary>
internal static class ChainBrowseEndpoints
{
    private const int MaxBlocks = 100;

    public static void MapChainBrowseEndpoints(this RouteGroupBuilder api)
    {
        var chain = api.MapGroup("/networks/{id}/chain").WithTags("Networks");
        chain.MapGet("/blocks", (string id, string? from, string? count, ChainReader reader, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var top = ExplorerInput.OptionalNumber(from, "from", 0, long.MaxValue, errors);
            var size = ExplorerInput.OptionalNumber(count, "count", 1, MaxBlocks, errors) ?? 20;
            return errors.Any ? Task.FromResult(errors.ToResult())
                : Read(() => reader.BrowseAsync(id, (b, node) => b.BrowseBlocksAsync(node, top, (int)size, ct), ct), r => new { networkId = id, r.Head, r.Blocks });
        }).WithSummary("The newest blocks (Neo, Litecoin), newest first; ?from= a height to page down from, ?count= 1 to 100 (20)");

        chain.MapGet("/blocks/{block}", (string id, string block, ChainReader reader, CancellationToken ct) =>
            Read(() => reader.BrowseAsync(id, (b, node) => b.BrowseBlockAsync(node, block, ct), ct), r => r))
            .WithSummary("One block by height or hash with its transactions (Neo, Litecoin)");

        chain.MapGet("/transactions/{txid}", (string id, string txid, ChainReader reader, CancellationToken ct) =>
            Read(() => reader.BrowseAsync(id, (b, node) => b.BrowseTransactionAsync(node, txid, ct), ct), r => r))
            .WithSummary("One transaction: Litecoin inputs (previous outputs resolved) and outputs (spent or not), fee; Neo sender, fees, signers, script and decoded NEP-17 transfers");

        chain.MapGet("/addresses/{address}", (string id, string address, ChainReader reader, CancellationToken ct) =>
            Read(() => reader.BrowseAsync(id, (b, node) => b.BrowseAddressAsync(node, address.Trim(), ct), ct), r => r))
            .WithSummary("An address: balances and unspent outputs (Litecoin) or NEP-17 balances and transfers (Neo)");

        chain.MapGet("/search", (string id, string? q, ChainReader reader, CancellationToken ct) =>
            Read(() => reader.BrowseAsync(id, (b, node) => ChainSearch.FindAsync(b, node, q ?? "", ct), ct), r => r))
            .WithSummary("What a search names: a block (height or hash), a transaction or an address; 404 when nothing matches");
    }

    private static async Task<IResult> Read<T>(Func<Task<T>> read, Func<T, object> shape)
    {
        try
        {
            return Results.Ok(shape(await read()));
        }
        catch (ChainReadException ex)
        {
            return ChainReadEndpoints.Problem(ex);
        }
    }
}
