using System.Globalization;
using NutPortal.Core.Explorer;
using NutPortal.Core.Networks;
using NutPortal.Core.Traces;

namespace NutPortal.Web.Api;

internal static class ExplorerEndpoints
{
    public static void MapExplorerEndpoints(this RouteGroupBuilder api)
    {
        var explorer = api.MapGroup("/networks/{id}").WithTags("Explorer");

        explorer.MapGet("/blocks", async (string id, string? before, string? limit, NetworkCatalog networks, ExplorerQueries queries, IndexerStatusBoard board, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var beforeNumber = ExplorerInput.OptionalNumber(before, "before", 0, long.MaxValue, errors);
            var take = ExplorerInput.OptionalNumber(limit, "limit", 1, ExplorerQueries.MaxPage, errors) ?? 20;
            if (errors.Any)
            {
                return errors.ToResult();
            }
            if (await networks.GetAsync(id, ct) is null)
            {
                return Results.NotFound();
            }
            var blocks = await queries.BlocksAsync(id, beforeNumber, (int)take, ct);
            var indexer = ExplorerResources.From(board.Get(id), await queries.IndexedHeightAsync(id, ct));
            return Results.Ok(new { indexer, blocks = blocks.Select(b => ExplorerResources.From(b)) });
        }).WithSummary("Indexed blocks, newest first (page with ?before=<number>), and how far the indexer is behind the node");

        explorer.MapGet("/blocks/{numberOrHash}", async (string id, string numberOrHash, ExplorerQueries queries, CancellationToken ct) =>
        {
            ChainBlock? block;
            if (long.TryParse(numberOrHash, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                block = await queries.BlockAsync(id, number, ct);
            }
            else if (ExplorerSearch.IsHex(numberOrHash, 32))
            {
                block = await queries.BlockByHashAsync(id, numberOrHash, ct);
            }
            else
            {
                return FieldErrors.Single("numberOrHash", "A block number (0 or more) or a 0x block hash of 64 hex digits.");
            }
            return block is null ? Results.NotFound() : Results.Ok(ExplorerResources.From(block, await queries.BlockTransactionsAsync(id, block.Number, ct)));
        }).WithSummary("One indexed block with its transactions");

        explorer.MapGet("/transactions/{hash}", async (string id, string hash, ExplorerQueries queries, TransactionTraces traces, TransactionDecoder decoder, CancellationToken ct) =>
        {
            if (!ExplorerSearch.IsHex(hash, 32))
            {
                return FieldErrors.Single("hash", "A 0x transaction hash of 64 hex digits.");
            }
            if (await queries.TransactionAsync(id, hash, ct) is not { } detail)
            {
                return Results.NotFound();
            }
            var revert = detail.Transaction.Status == 0 ? (await traces.GetAsync(id, hash, includeCallTree: true, ct))?.CallTree?.Revert : null;
            return Results.Ok(ExplorerResources.From(detail, await decoder.DecodeAsync(id, detail, ct), revert));
        }).WithSummary("One indexed transaction with receipt fields, fee, logs, input and logs decoded when the contract's ABI is known, and (when it failed) the revert reason");

        explorer.MapGet("/addresses/{address}", async (string id, string address, string? before, string? limit, NetworkCatalog networks, ExplorerQueries queries,
            AddressState state, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            if (!ExplorerSearch.IsHex(address, 20))
            {
                errors.Add("address", "A 0x address of 40 hex digits.");
            }
            TransactionCursor? cursor = null;
            if (before is not null && !TransactionCursor.TryParse(before, out cursor))
            {
                errors.Add("before", "A position block:index from the previous page's nextBefore, e.g. 1200:3.");
            }
            var take = (int)(ExplorerInput.OptionalNumber(limit, "limit", 1, ExplorerQueries.MaxPage, errors) ?? ExplorerQueries.MaxPage);
            if (errors.Any)
            {
                return errors.ToResult();
            }
            if (await networks.GetAsync(id, ct) is null)
            {
                return Results.NotFound();
            }
            var lower = address.ToLowerInvariant();
            var live = await state.ReadAsync(id, lower, ct);
            var transactions = await queries.AddressTransactionsAsync(id, lower, take, cursor, ct);
            var next = transactions.Count == take ? TransactionCursor.After(transactions[^1]).ToString() : null;
            return Results.Ok(new AddressResource(lower, live.Balance?.ToString(CultureInfo.InvariantCulture), live.Balance is { } b ? Wei.ToEth(b) : null,
                live.Nonce, live.Code is null ? null : live.Code.Length > 2, live.Code, live.NodeError, [.. transactions.Select(ExplorerResources.Summary)], next));
        }).WithSummary("Balance, nonce and code live from the node, and the address's indexed transactions newest first (page with ?before=<nextBefore>)");

        explorer.MapGet("/search", async (string id, string? q, NetworkCatalog networks, ExplorerSearch search, CancellationToken ct) =>
        {
            if (q is { Length: > ExplorerSearch.MaxQueryLength })
            {
                return FieldErrors.Single("q", $"At most {ExplorerSearch.MaxQueryLength} characters: a block number, a hash or an address.");
            }
            if (await networks.GetAsync(id, ct) is null)
            {
                return Results.NotFound();
            }
            var target = await search.ResolveAsync(id, q, ct);
            return Results.Ok(new { kind = target.Kind.ToString().ToLowerInvariant(), key = target.Key, message = target.Message, path = ExplorerInput.PathOf(id, target) });
        }).WithSummary("Where a block number, block hash, transaction hash or address leads, or why nothing matches");
    }
}
