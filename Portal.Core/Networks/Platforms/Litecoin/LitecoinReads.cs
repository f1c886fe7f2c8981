using System.Numerics;

namespace NutPortal.Core.Networks.Platforms.Litecoin;

/// <summary>
/// Reads on a litecoind: an address's coins from the node's UTXO set (<c>scantxoutset</c>, so no wallet needs to
/// hold the address; immature coinbase outputs count). Litecoin has no contracts to call.
/// </summary>
internal static class LitecoinReads
{
    private const int Decimals = 8;

    public static async Task<ChainBalances> BalancesAsync(LitecoinNode rpc, NetworkNode node, string address, CancellationToken ct)
    {
        var check = await rpc.CallAsync(node, "validateaddress", [address], ct);
        if (!NodeRpc.Read(check, c => c.GetProperty("isvalid").GetBoolean(), "validateaddress answer"))
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "address",
                $"'{address}' is not a Litecoin address of this network (regtest addresses start with rltc1, m, n or Q).");
        }
        var scan = await rpc.CallAsync(node, "scantxoutset", ["start", new[] { $"addr({address})" }], ct);
        return NodeRpc.Read(scan, s =>
        {
            var coins = s.GetProperty("total_amount").GetDecimal() * 100_000_000m;
            if (coins != decimal.Truncate(coins) || !s.GetProperty("success").GetBoolean())
            {
                throw new FormatException("not a whole number of litoshis, or an unfinished scan");
            }
            return new ChainBalances(address, s.GetProperty("height").GetInt64(), [ChainBalance.Of("LTC", "LTC", new BigInteger(coins), Decimals)]);
        }, "scantxoutset answer");
    }

    /// <summary>Two batches: the blocks' hashes, then the blocks (each has one coinbase transaction, not counted).</summary>
    public static async Task<IReadOnlyList<BlockStat>> BlocksAsync(LitecoinNode rpc, NetworkNode node, long from, long to, CancellationToken ct)
    {
        var heights = Enumerable.Range(0, (int)(to - from + 1)).Select(i => from + i).ToList();
        var hashes = await rpc.BatchAsync(node, [.. heights.Select(h => ("getblockhash", new object[] { h }))], ct);
        var blocks = await rpc.BatchAsync(node, [.. hashes.Select(h => ("getblock", new object[] { h.GetString() ?? throw new NodeRpcException($"{node.Name} answered getblockhash with {h}."), 1 }))], ct);
        return [.. blocks.Select(b => NodeRpc.Read(b, x => new BlockStat(x.GetProperty("height").GetInt64(),
            DateTime.UnixEpoch.AddSeconds(x.GetProperty("time").GetInt64()), Math.Max(0, x.GetProperty("nTx").GetInt32() - 1)), "getblock answer"))];
    }

    public static ChainReadException NoContracts() => new(ChainReadFailure.Unsupported, "contract",
        "Litecoin has no smart contracts (Bitcoin Script only): there is nothing to call. Read an address's balance instead.");
}
