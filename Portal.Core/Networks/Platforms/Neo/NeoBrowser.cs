using System.Globalization;
using System.Numerics;
using System.Text.Json;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Networks.Platforms.Neo;

/// <summary>
/// Browses a Neo N3 node's chain on demand: blocks (times in milliseconds), transactions with sender, fees, signers,
/// script and VM state, their NEP-17 transfers decoded from the Transfer notifications in <c>getapplicationlog</c>,
/// and an address's NEP-17 balances and transfers (<c>getnep17transfers</c>, when the node has the tracker).
/// </summary>
internal sealed class NeoBrowser(NodeRpc rpc)
{
    private const long UnknownCode = -100;
    private const int GasDecimals = 8;
    private const int MaxTransfers = 50;

    public async Task<BrowsedBlocks> BlocksAsync(Uri url, long? fromHeight, int count, CancellationToken ct)
    {
        var head = NodeRpc.Read(await rpc.CallAsync(url, "getblockcount", [], null, ct), c => c.GetInt64() - 1, "getblockcount answer");
        var top = Math.Min(fromHeight ?? head, head);
        var heights = Enumerable.Range(0, (int)Math.Min(count, top + 1)).Select(i => top - i).ToList();
        var blocks = heights.Count == 0 ? [] : await rpc.BatchAsync(url, [.. heights.Select(h => ("getblock", new object[] { h, true }))], null, ct);
        return new BrowsedBlocks(head, [.. blocks.Select(b => NodeRpc.Read(b, Summary, "getblock answer"))]);
    }

    public async Task<BrowsedBlock> BlockAsync(Uri url, string heightOrHash, CancellationToken ct)
    {
        var reference = BrowseInput.Block(heightOrHash);
        object key = reference.Height is { } h ? h : "0x" + reference.Hash;
        var block = await Known(() => rpc.CallAsync(url, "getblock", [key, true], null, ct), $"No block {heightOrHash.Trim()} on this chain.");
        var txs = NodeRpc.Read(block, b => b.GetProperty("tx").EnumerateArray().ToList(), "getblock answer");
        var logs = txs.Count == 0 ? [] : await rpc.BatchAsync(url, [.. txs.Select(t => ("getapplicationlog", new object[] { t.GetProperty("hash").GetString()! }))], null, ct);
        var lines = new List<TransactionSummary>();
        foreach (var (tx, log) in txs.Zip(logs))
        {
            var transfers = await TransfersAsync(url, log, ct);
            var text = transfers.Count > 0 ? string.Join(", ", transfers.Select(t => $"{t.Symbol} transfer")) : "contract invocation";
            lines.Add(new TransactionSummary(tx.GetProperty("hash").GetString()!, $"{text} by {tx.GetProperty("sender").GetString()}",
                transfers.Count > 0 ? string.Join(", ", transfers.Select(t => $"{t.Amount} {t.Symbol}")) : null));
        }
        return NodeRpc.Read(block, b => new BrowsedBlock(Summary(b), Optional(b, "previousblockhash"), Optional(b, "nextblockhash"),
            b.GetProperty("confirmations").GetInt64(), $"validator {b.GetProperty("primary").GetInt32()} (primary)", lines), "getblock answer");
    }

    public async Task<BrowsedTransaction> TransactionAsync(Uri url, string id, CancellationToken ct)
    {
        var hash = "0x" + BrowseInput.Hash(id, "transaction");
        var tx = await Known(() => rpc.CallAsync(url, "getrawtransaction", [hash, true], null, ct), $"No transaction {hash} on this chain or in the node's pool.");
        var blockHash = Optional(tx, "blockhash");
        JsonElement? log = null;
        long? height = null;
        if (blockHash is not null)
        {
            var r = await rpc.BatchAsync(url, [("getapplicationlog", [hash]), ("getblockheader", [blockHash, true])], null, ct);
            (log, height) = (r[0], NodeRpc.Read(r[1], b => b.GetProperty("index").GetInt64(), "getblockheader answer"));
        }
        var transfers = log is { } l ? await TransfersAsync(url, l, ct) : [];
        var (state, exception) = log is { } a ? NodeRpc.Read(a, x =>
        {
            var execution = x.GetProperty("executions")[0];
            return (execution.GetProperty("vmstate").GetString()!, Optional(execution, "exception"));
        }, "getapplicationlog answer") : ("pending (not in a block yet)", null);
        return NodeRpc.Read(tx, t =>
        {
            var sysfee = BigInteger.Parse(t.GetProperty("sysfee").GetString()!, CultureInfo.InvariantCulture);
            var netfee = BigInteger.Parse(t.GetProperty("netfee").GetString()!, CultureInfo.InvariantCulture);
            var signers = t.GetProperty("signers").EnumerateArray()
                .Select(s => $"{NeoAddresses.FromDisplayed(s.GetProperty("account").GetString()) ?? s.GetProperty("account").GetString()} ({s.GetProperty("scopes").GetString()})").ToList();
            var account = new AccountTransaction(t.GetProperty("sender").GetString()!, ChainBalance.Format(sysfee, GasDecimals), ChainBalance.Format(netfee, GasDecimals), signers,
                Convert.ToHexString(Convert.FromBase64String(t.GetProperty("script").GetString()!)).ToLowerInvariant(), state, exception, transfers);
            return new BrowsedTransaction(t.GetProperty("hash").GetString()!, blockHash, height,
                t.TryGetProperty("blocktime", out var time) ? DateTime.UnixEpoch.AddMilliseconds(time.GetInt64()) : null,
                t.TryGetProperty("confirmations", out var c) ? c.GetInt64() : 0, t.GetProperty("size").GetInt64(),
                ChainBalance.Format(sysfee + netfee, GasDecimals) + " GAS", false, [], [], account);
        }, "getrawtransaction answer");
    }

    public async Task<BrowsedAddress> AddressAsync(Uri url, string address, CancellationToken ct)
    {
        var balances = await NeoReads.BalancesAsync(rpc, url, address, ct);
        IReadOnlyList<TokenTransfer>? transfers = null;
        try
        {
            // From the epoch: the tracker's default window is the last week only.
            var history = await rpc.CallAsync(url, "getnep17transfers", [address, 0], null, ct);
            transfers = await HistoryAsync(url, address, history, ct);
        }
        catch (NodeRpcException ex) when (ex.InnerException is JsonRpcException { Code: -32601 })
        {
            // The node runs without the token tracker: balances only.
        }
        return new BrowsedAddress(balances.Address, balances.Height, balances.Balances, [], transfers);
    }

    /// <summary>The NEP-17 transfers an execution notified: Transfer events with (from, to, amount) of a token contract.</summary>
    private async Task<List<TokenTransfer>> TransfersAsync(Uri url, JsonElement log, CancellationToken ct)
    {
        var events = NodeRpc.Read(log, l => l.GetProperty("executions").EnumerateArray()
            .SelectMany(e => e.GetProperty("notifications").EnumerateArray())
            .Where(n => n.GetProperty("eventname").GetString() == "Transfer" && n.GetProperty("state").GetProperty("value").GetArrayLength() == 3)
            .Select(n =>
            {
                var values = n.GetProperty("state").GetProperty("value");
                return (Contract: n.GetProperty("contract").GetString()!, From: Party(values[0]), To: Party(values[1]),
                    Units: values[2].GetProperty("type").GetString() == "Integer" ? BigInteger.Parse(values[2].GetProperty("value").GetString()!, CultureInfo.InvariantCulture) : (BigInteger?)null);
            }).Where(t => t.Units is not null).ToList(), "getapplicationlog answer");
        var transfers = new List<TokenTransfer>();
        foreach (var e in events)
        {
            var (symbol, decimals) = await TokenAsync(url, e.Contract, ct);
            transfers.Add(new TokenTransfer(e.Contract, symbol, e.From, e.To, ChainBalance.Format(e.Units!.Value, decimals)));
        }
        return transfers;
    }

    private async Task<List<TokenTransfer>> HistoryAsync(Uri url, string address, JsonElement history, CancellationToken ct)
    {
        var items = NodeRpc.Read(history, h => h.GetProperty("sent").EnumerateArray().Select(s => (Sent: true, Item: s))
            .Concat(h.GetProperty("received").EnumerateArray().Select(r => (Sent: false, Item: r)))
            .Select(x => (x.Sent, Asset: x.Item.GetProperty("assethash").GetString()!, Units: BigInteger.Parse(x.Item.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture),
                Block: x.Item.GetProperty("blockindex").GetInt64(), Tx: x.Item.GetProperty("txhash").GetString()!,
                Other: NeoAddresses.FromDisplayed(Optional(x.Item, "transferaddress"))))
            .OrderByDescending(x => x.Block).Take(MaxTransfers).ToList(), "getnep17transfers answer");
        var transfers = new List<TokenTransfer>();
        foreach (var x in items)
        {
            var (symbol, decimals) = await TokenAsync(url, x.Asset, ct);
            transfers.Add(new TokenTransfer(x.Asset, symbol, x.Sent ? address : x.Other, x.Sent ? x.Other : address, ChainBalance.Format(x.Units, decimals), x.Tx, x.Block));
        }
        return transfers;
    }

    private async Task<(string Symbol, int Decimals)> TokenAsync(Uri url, string contract, CancellationToken ct)
    {
        var native = NeoReads.Natives.FirstOrDefault(n => string.Equals(n.Hash, contract, StringComparison.OrdinalIgnoreCase));
        if (native.Symbol is not null)
        {
            return (native.Symbol, native.Decimals);
        }
        try
        {
            return await NeoReads.DescribeAsync(rpc, url, contract, ct);
        }
        catch (NodeRpcException)
        {
            // A contract whose Transfer event is not a NEP-17 token's: show its raw units rather than fail the page.
            return ("(undecoded: no NEP-17 symbol/decimals)", 0);
        }
    }

    /// <summary>A Transfer's from or to: a 20-byte script hash as an address, or null (Any) for a mint or a burn.</summary>
    private static string? Party(JsonElement item) =>
        item.GetProperty("type").GetString() == "ByteString" && item.GetProperty("value").GetString() is { } b64 ? NeoAddresses.FromSerialized(Convert.FromBase64String(b64)) : null;

    private static async Task<JsonElement> Known(Func<Task<JsonElement>> call, string notFound)
    {
        try
        {
            return await call();
        }
        catch (NodeRpcException ex) when (ex.InnerException is JsonRpcException { Code: UnknownCode })
        {
            throw BrowseInput.NotFound(notFound);
        }
    }

    private static BlockSummary Summary(JsonElement b) => new(b.GetProperty("index").GetInt64(), b.GetProperty("hash").GetString()!,
        DateTime.UnixEpoch.AddMilliseconds(b.GetProperty("time").GetInt64()), b.GetProperty("tx").GetArrayLength(), b.GetProperty("size").GetInt64());

    private static string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
