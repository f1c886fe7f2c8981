using System.Globalization;
using System.Text.Json;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Networks.Platforms.Litecoin;

/// <summary>
/// Browses a litecoind's chain on demand: blocks by height or hash, transactions with their inputs resolved through
/// the previous transactions (the node runs with <c>-txindex=1</c>) and their outputs' spent state (<c>gettxout</c>),
/// and an address's unspent outputs from the UTXO set (<c>scantxoutset</c>).
/// </summary>
internal sealed class LitecoinBrowser(LitecoinNode rpc)
{
    private const long NotFoundCode = -5;
    private const long OutOfRangeCode = -8;

    public async Task<BrowsedBlocks> BlocksAsync(NetworkNode node, long? fromHeight, int count, CancellationToken ct)
    {
        var head = NodeRpc.Read(await rpc.CallAsync(node, "getblockcount", [], ct), c => c.GetInt64(), "getblockcount answer");
        var top = Math.Min(fromHeight ?? head, head);
        var heights = Enumerable.Range(0, (int)Math.Min(count, top + 1)).Select(i => top - i).ToList();
        if (heights.Count == 0)
        {
            return new BrowsedBlocks(head, []);
        }
        var hashes = await rpc.BatchAsync(node, [.. heights.Select(h => ("getblockhash", new object[] { h }))], ct);
        var blocks = await rpc.BatchAsync(node, [.. hashes.Select(h => ("getblock", new object[] { NodeRpc.Read(h, x => x.GetString()!, "getblockhash answer"), 1 }))], ct);
        return new BrowsedBlocks(head, [.. blocks.Select(b => NodeRpc.Read(b, Summary, "getblock answer"))]);
    }

    public async Task<BrowsedBlock> BlockAsync(NetworkNode node, string heightOrHash, CancellationToken ct)
    {
        var reference = BrowseInput.Block(heightOrHash);
        var hash = reference.Hash ?? NodeRpc.Read(await Known(() => rpc.CallAsync(node, "getblockhash", [reference.Height!.Value], ct), $"No block at height {reference.Height} yet."),
            h => h.GetString()!, "getblockhash answer");
        var block = await Known(() => rpc.CallAsync(node, "getblock", [hash, 2], ct), $"No block {hash} on this chain.");
        return NodeRpc.Read(block, b => new BrowsedBlock(Summary(b), Optional(b, "previousblockhash"), Optional(b, "nextblockhash"),
            b.GetProperty("confirmations").GetInt64(), null, [.. b.GetProperty("tx").EnumerateArray().Select(TransactionLine)]), "getblock answer");
    }

    public async Task<BrowsedTransaction> TransactionAsync(NetworkNode node, string id, CancellationToken ct)
    {
        var txid = BrowseInput.Hash(id, "transaction");
        JsonElement tx;
        try
        {
            tx = await rpc.CallAsync(node, "getrawtransaction", [txid, true], ct);
        }
        catch (NodeRpcException ex) when (ex.InnerException is JsonRpcException { Code: NotFoundCode })
        {
            throw await UnknownTransactionAsync(node, txid, ct);
        }
        var coinbase = NodeRpc.Read(tx, t => t.GetProperty("vin").EnumerateArray().Any(v => v.TryGetProperty("coinbase", out _)), "getrawtransaction answer");
        var inputs = coinbase ? [] : await InputsAsync(node, tx, ct);
        var outputs = await OutputsAsync(node, txid, tx, ct);
        var blockHash = Optional(tx, "blockhash");
        long? height = blockHash is null ? null
            : NodeRpc.Read(await rpc.CallAsync(node, "getblockheader", [blockHash], ct), h => h.GetProperty("height").GetInt64(), "getblockheader answer");
        var fee = coinbase ? null : Coins(inputs.Sum(i => Parse(i.Value)) - outputs.Sum(o => Parse(o.Value)));
        return NodeRpc.Read(tx, t => new BrowsedTransaction(txid, blockHash, height,
            t.TryGetProperty("blocktime", out var time) ? DateTime.UnixEpoch.AddSeconds(time.GetInt64()) : null,
            t.TryGetProperty("confirmations", out var c) ? c.GetInt64() : 0, t.GetProperty("size").GetInt64(), fee, coinbase, inputs, outputs, null), "getrawtransaction answer");
    }

    public async Task<BrowsedAddress> AddressAsync(NetworkNode node, string address, CancellationToken ct)
    {
        var balances = await LitecoinReads.BalancesAsync(rpc, node, address, ct);
        var scan = await rpc.CallAsync(node, "scantxoutset", ["start", new[] { $"addr({address})" }], ct);
        var unspent = NodeRpc.Read(scan, s => s.GetProperty("unspents").EnumerateArray().Select(u => new UnspentOutput(u.GetProperty("txid").GetString()!,
            u.GetProperty("vout").GetInt32(), Coins(u.GetProperty("amount").GetDecimal()), u.GetProperty("height").GetInt64())).OrderByDescending(u => u.Height).ToList(), "scantxoutset answer");
        return new BrowsedAddress(balances.Address, balances.Height, balances.Balances, unspent, null);
    }

    private async Task<List<TransactionInput>> InputsAsync(NetworkNode node, JsonElement tx, CancellationToken ct)
    {
        var spends = NodeRpc.Read(tx, t => t.GetProperty("vin").EnumerateArray().Select(v => (Tx: v.GetProperty("txid").GetString()!, Out: v.GetProperty("vout").GetInt32())).ToList(), "transaction inputs");
        var ids = spends.Select(s => s.Tx).Distinct(StringComparer.Ordinal).ToList();
        var previous = await rpc.BatchAsync(node, [.. ids.Select(i => ("getrawtransaction", new object[] { i, true }))], ct);
        var byId = ids.Zip(previous).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        return [.. spends.Select(s => NodeRpc.Read(byId[s.Tx], p =>
        {
            var output = p.GetProperty("vout")[s.Out];
            return new TransactionInput(s.Tx, s.Out, Address(output), Coins(output.GetProperty("value").GetDecimal()));
        }, "previous transaction"))];
    }

    private async Task<List<TransactionOutput>> OutputsAsync(NetworkNode node, string txid, JsonElement tx, CancellationToken ct)
    {
        var outputs = NodeRpc.Read(tx, t => t.GetProperty("vout").EnumerateArray().ToList(), "transaction outputs");
        var unspent = outputs.Count == 0 ? [] : await rpc.BatchAsync(node, [.. outputs.Select(o => ("gettxout", new object[] { txid, o.GetProperty("n").GetInt32(), true }))], ct);
        return [.. outputs.Zip(unspent).Select(p => NodeRpc.Read(p.First, o => new TransactionOutput(o.GetProperty("n").GetInt32(), Address(o),
            Coins(o.GetProperty("value").GetDecimal()), p.Second.ValueKind == JsonValueKind.Null, o.GetProperty("scriptPubKey").GetProperty("type").GetString() ?? ""), "transaction output"))];
    }

    /// <summary>Unknown, or the node's transaction index has not caught up with its chain yet (just after a restart with -txindex).</summary>
    private async Task<ChainReadException> UnknownTransactionAsync(NetworkNode node, string txid, CancellationToken ct)
    {
        var index = await rpc.CallAsync(node, "getindexinfo", [], ct);
        if (index.ValueKind == JsonValueKind.Object && !index.TryGetProperty("txindex", out _))
        {
            return new ChainReadException(ChainReadFailure.NodeFailed, null,
                $"{node.Name} runs without a transaction index (it was started before the portal passed -txindex=1), so it finds only its pool's transactions; restart the node to build the index.");
        }
        if (index.ValueKind == JsonValueKind.Object && index.TryGetProperty("txindex", out var tx) && !tx.GetProperty("synced").GetBoolean())
        {
            return new ChainReadException(ChainReadFailure.NodeFailed, null,
                $"{node.Name}'s transaction index is still being built (at block {tx.GetProperty("best_block_height").GetInt64()}); transaction {txid} may be in a block it has not indexed yet. Try again shortly.");
        }
        return BrowseInput.NotFound($"No transaction {txid} on this chain or in {node.Name}'s pool.");
    }

    private static async Task<JsonElement> Known(Func<Task<JsonElement>> call, string notFound)
    {
        try
        {
            return await call();
        }
        catch (NodeRpcException ex) when (ex.InnerException is JsonRpcException { Code: NotFoundCode or OutOfRangeCode })
        {
            throw BrowseInput.NotFound(notFound);
        }
    }

    private static BlockSummary Summary(JsonElement b) => new(b.GetProperty("height").GetInt64(), b.GetProperty("hash").GetString()!,
        DateTime.UnixEpoch.AddSeconds(b.GetProperty("time").GetInt64()), b.GetProperty("nTx").GetInt32(), b.GetProperty("size").GetInt64());

    private static TransactionSummary TransactionLine(JsonElement tx)
    {
        var inputs = tx.GetProperty("vin").GetArrayLength();
        var outputs = tx.GetProperty("vout");
        var coinbase = tx.GetProperty("vin").EnumerateArray().Any(v => v.TryGetProperty("coinbase", out _));
        var text = coinbase ? $"coinbase → {outputs.GetArrayLength()} output(s)" : $"{inputs} input(s) → {outputs.GetArrayLength()} output(s)";
        return new TransactionSummary(tx.GetProperty("txid").GetString()!, text, Coins(outputs.EnumerateArray().Sum(o => o.GetProperty("value").GetDecimal())) + " LTC");
    }

    /// <summary>The output's address (0.21 lists them in "addresses"; later versions in "address"); null for scripts without one.</summary>
    private static string? Address(JsonElement output)
    {
        var script = output.GetProperty("scriptPubKey");
        return script.TryGetProperty("address", out var a) ? a.GetString()
            : script.TryGetProperty("addresses", out var list) && list.GetArrayLength() > 0 ? list[0].GetString() : null;
    }

    private static string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Coins(decimal value) => value.ToString("0.00000000", CultureInfo.InvariantCulture);

    private static decimal Parse(string coins) => decimal.Parse(coins, CultureInfo.InvariantCulture);
}
