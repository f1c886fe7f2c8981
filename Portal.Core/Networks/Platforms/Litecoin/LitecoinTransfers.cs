using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using NutPortal.Core.Networks.Platforms.Transfers;

namespace NutPortal.Core.Networks.Platforms.Litecoin;

/// <summary>
/// Transfer workloads on Litecoin: the mining node's "portal" wallet sends 0.0001 LTC to an address of its own
/// (the node signs), and nodes are watched through getrawmempool and getbestblockhash.
/// </summary>
internal sealed class LitecoinTransfers(LitecoinNode rpc)
{
    private const decimal Amount = 0.0001m;

    /// <summary>Confirmed coins the wallet should hold before sending: each can start a chain of unconfirmed change.</summary>
    private const int WantedCoins = 50;

    private readonly ConcurrentDictionary<string, string> _targets = new(StringComparer.Ordinal);

    /// <summary>
    /// Regtest coinbase outputs spend only after 100 more blocks, so a wallet short of confirmed coins gets
    /// 100 + n blocks mined to it (n new spendable coins), and every node is waited for at that height.
    /// </summary>
    public async Task<string> PrepareAsync(NetworkNode sender, IReadOnlyList<NetworkNode> nodes, int transfers, CancellationToken ct)
    {
        var address = await rpc.MiningAddressAsync(sender, ct);
        var coins = await rpc.WalletCallAsync(sender, "listunspent", [1], ct);
        var spendable = NodeRpc.Read(coins, c => c.EnumerateArray().Count(u => u.GetProperty("spendable").GetBoolean()), "listunspent answer");
        var wanted = Math.Min(WantedCoins, Math.Max(1, transfers));
        var done = $"{sender.Name}'s wallet holds {spendable} confirmed coin(s)";
        if (spendable < wanted)
        {
            var blocks = 100 + wanted - spendable;
            await rpc.CallAsync(sender, "generatetoaddress", [blocks, address], ct);
            var height = (await ViewAsync(sender, ct)).Height;
            var wait = TimeSpan.FromSeconds(60);
            await BlockWait.UntilAsync(async () => (await Task.WhenAll(nodes.Select(n => ViewAsync(n, ct)))).All(v => v.Height >= height), wait,
                $"Not every node reached height {height} within {wait.TotalSeconds:0} s after {sender.Name} mined the workload's coins.",
                "Open the nodes' logs: the nodes must reach each other on their P2P ports.", ct);
            done = $"{sender.Name} mined {blocks} blocks so its wallet has {wanted} spendable coins (regtest coinbase matures after 100 blocks)";
        }
        _targets[sender.Id] = (await rpc.WalletCallAsync(sender, "getnewaddress", [], ct)).GetString()!;
        return done;
    }

    public async Task<string> SendAsync(NetworkNode sender, CancellationToken ct)
    {
        var target = _targets.GetValueOrDefault(sender.Id) ?? throw new InvalidOperationException($"{sender.Name} was not prepared to send.");
        var txid = await rpc.WalletCallAsync(sender, "sendtoaddress", [target, Amount.ToString(CultureInfo.InvariantCulture)], ct);
        return NodeRpc.Read(txid, Text, "sendtoaddress answer");
    }

    public async Task<NodeView> ViewAsync(NetworkNode node, CancellationToken ct)
    {
        var r = await rpc.BatchAsync(node, [("getrawmempool", []), ("getblockchaininfo", [])], ct);
        var pool = NodeRpc.Read(r[0], a => a.EnumerateArray().Select(Text).ToHashSet(StringComparer.Ordinal), "getrawmempool answer");
        var (height, head) = NodeRpc.Read(r[1], i => (i.GetProperty("blocks").GetInt64(), Text(i.GetProperty("bestblockhash"))), "getblockchaininfo answer");
        return new NodeView(pool, height, head);
    }

    public async Task<BlockView> BlockAsync(NetworkNode node, string hash, CancellationToken ct)
    {
        // Verbosity 2 decodes the transactions, so the coinbase names the miner's address.
        var block = await rpc.CallAsync(node, "getblock", [hash, 2], ct);
        return NodeRpc.Read(block, b => new BlockView(Text(b.GetProperty("hash")),
            b.TryGetProperty("previousblockhash", out var parent) ? Text(parent) : "", b.GetProperty("height").GetInt64(),
            [.. b.GetProperty("tx").EnumerateArray().Select(t => Text(t.GetProperty("txid")))], Miner(b.GetProperty("tx")[0]),
            Text(b.GetProperty("tx")[0].GetProperty("txid"))), "getblock answer"); // a block's first transaction is its coinbase
    }

    /// <summary>The address the coinbase pays (Litecoin Core 0.21 lists it under scriptPubKey.addresses).</summary>
    private static string? Miner(JsonElement coinbase)
    {
        foreach (var output in coinbase.GetProperty("vout").EnumerateArray())
        {
            var script = output.GetProperty("scriptPubKey");
            if (script.TryGetProperty("address", out var one))
            {
                return one.GetString();
            }
            if (script.TryGetProperty("addresses", out var many) && many.GetArrayLength() > 0)
            {
                return many[0].GetString();
            }
        }
        return null;
    }

    private static string Text(JsonElement e) => e.GetString() ?? throw new FormatException("a string was expected");
}
