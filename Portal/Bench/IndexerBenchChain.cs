using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Web.Bench;

/// <summary>The chain the indexer bench indexes: a network made through the API, filled over JSON-RPC with full blocks.</summary>
internal static class IndexerBenchChain
{
    private const ulong ChainId = 4243;
    private const long TransferGas = 21_000;
    private static readonly HttpClient NodeHttp = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>A network whose block gas limit holds exactly <paramref name="transfersPerBlock"/> plain transfers.</summary>
    public static async Task<(string Id, string RpcUrl)> CreateNetworkAsync(HttpClient api, int transfersPerBlock, CancellationToken ct)
    {
        var profile = new
        {
            name = "bench-indexer", platform = "ethereum-anvil", blockIntervalSeconds = 1, blockGasLimit = TransferGas * transfersPerBlock,
            chainId = ChainId, accounts = new { count = 1, balanceEth = 1 },
        };
        var created = await (await api.PostAsJsonAsync("/api/v1/networks", profile, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = created.GetProperty("id").GetString() ?? throw new InvalidOperationException($"The bench network was refused: {created}");
        for (var waited = 0; waited < 600; waited++)
        {
            var network = await api.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}", ct);
            if (network.GetProperty("status").GetString() == "Running")
            {
                return (id, network.GetProperty("nodes")[0].GetProperty("rpcUrl").GetString()!);
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("The bench network did not reach Running in 60 s.");
    }

    /// <summary>
    /// Mines blocks of exactly <paramref name="perBlock"/> signed transfers each. Interval mining is paused so no
    /// timer block splits a batch, and the base fee is reset before each block: full blocks raise it by 12.5 %
    /// each, which would soon price out the transfers.
    /// </summary>
    public static async Task FillAsync(string rpcUrl, int transactions, int perBlock, CancellationToken ct)
    {
        var rpc = EthereumRpc.Client(NodeHttp, new Uri(rpcUrl));
        using var key = PrivateKey.Generate();
        await rpc.CallAsync<JsonElement>("anvil_setBalance", [key.Address.ToLowerHex(), "0x" + BigInteger.Pow(10, 30).ToString("x", CultureInfo.InvariantCulture)], null, ct);
        await rpc.CallAsync<JsonElement?>("evm_setIntervalMining", [0], null, ct);
        var recipient = Address.Parse("0x000000000000000000000000000000000000dead");
        for (var sent = 0; sent < transactions; sent += perBlock)
        {
            var batch = new JsonRpcBatch();
            for (var i = sent; i < Math.Min(transactions, sent + perBlock); i++)
            {
                var tx = new Transaction
                {
                    ChainId = ChainId, Nonce = i, MaxPriorityFeePerGas = 1_000_000_000, MaxFeePerGas = 100_000_000_000,
                    GasLimit = (ulong)TransferGas, To = recipient, Value = 1,
                }.Sign(key);
                batch.Add<string>("eth_sendRawTransaction", Hex.Encode(tx.Encode()));
            }
            await rpc.SendBatchAsync(batch, cancellationToken: ct);
            _ = batch.Items.Cast<JsonRpcBatchItem<string>>().Select(item => item.Result).ToList(); // throws when the node refused one
            await rpc.CallAsync<JsonElement?>("anvil_setNextBlockBaseFeePerGas", ["0x3b9aca00"], null, ct);
            await rpc.CallAsync<JsonElement?>("anvil_mine", [1], TimeSpan.FromMinutes(5), ct);
        }
        await rpc.CallAsync<JsonElement?>("evm_setIntervalMining", [1], null, ct);
    }

    public static async Task<long> NodeHeightAsync(string rpcUrl, CancellationToken ct) =>
        (long)await EthereumRpc.Client(NodeHttp, new Uri(rpcUrl)).GetBlockNumberAsync(ct);
}
