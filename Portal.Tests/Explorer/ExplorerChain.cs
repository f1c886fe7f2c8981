using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Explorer;

/// <summary>A running network made through the API, a funded key of our own, and the explorer API to compare against the node.</summary>
internal sealed class ExplorerChain : IDisposable
{
    public const ulong ChainId = 4242;
    private static readonly HttpClient NodeHttp = new() { Timeout = Timeout.InfiniteTimeSpan };

    private ExplorerChain(HttpClient client, string id, string rpcUrl, PrivateKey key)
    {
        Client = client;
        Id = id;
        RpcUrl = rpcUrl;
        Rpc = EthereumRpc.Client(NodeHttp, new Uri(rpcUrl));
        Key = key;
    }

    public HttpClient Client { get; }

    public string Id { get; }

    public string RpcUrl { get; }

    public IJsonRpcClient Rpc { get; }

    public PrivateKey Key { get; }

    public static async Task<ExplorerChain> CreateAsync(HttpClient client, string name)
    {
        var id = (await NetworkApi.CreateAsync(client, NetworkApi.Profile(name))).GetProperty("id").GetString()!;
        var running = await NetworkApi.WaitForAsync(client, id, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var chain = new ExplorerChain(client, id, NetworkApi.Node(running).GetProperty("rpcUrl").GetString()!, PrivateKey.Generate());
        await chain.Rpc.CallAsync<JsonElement>("anvil_setBalance", [chain.Key.Address.ToLowerHex(), "0x56bc75e2d63100000"]);
        return chain;
    }

    /// <summary>The same network and key seen through another portal (after a restart).</summary>
    public static Task<ExplorerChain> AttachAsync(HttpClient client, ExplorerChain previous) =>
        Task.FromResult(new ExplorerChain(client, previous.Id, previous.RpcUrl, PrivateKey.FromBytes(previous.Key.ExportBytes())));

    /// <summary>Signs a transfer with our key, submits it raw and waits for its receipt.</summary>
    public Task<RpcReceipt> TransferAsync(string to, BigInteger wei, byte[]? data = null) => SendAsync(to, wei, data);

    /// <summary>Signs a transaction (to null: a contract creation), submits it raw and waits for its receipt.</summary>
    public async Task<RpcReceipt> SendAsync(string? to, BigInteger wei, byte[]? data = null, ulong gas = 200_000)
    {
        var nonce = await Rpc.GetTransactionCountAsync(Key.Address.ToLowerHex(), BlockParameter.Pending);
        var baseFee = (await Rpc.GetBlockByNumberAsync(BlockParameter.Latest))!.BaseFeePerGas ?? 0;
        var tx = new Transaction
        {
            ChainId = ChainId, Nonce = nonce, MaxPriorityFeePerGas = 1_000_000_000, MaxFeePerGas = (baseFee * 2) + 1_000_000_000,
            GasLimit = gas, To = to is null ? null : Address.Parse(to), Value = wei, Data = data ?? [],
        }.Sign(Key);
        var hash = await Rpc.SendRawTransactionAsync(Hex.Encode(tx.Encode()));
        return await Rpc.WaitForTransactionReceiptAsync(hash, TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// Init code that reverts with Error("nope"): CODECOPY the 100 bytes of revert data appended after the
    /// 11 bytes of code into memory, then REVERT with them. The creation fails with a decodable reason.
    /// </summary>
    public static byte[] RevertingInitCode()
    {
        var reason = Hex.Decode("08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "0000000000000000000000000000000000000000000000000000000000000004"
            + "6e6f706500000000000000000000000000000000000000000000000000000000");
        return [.. Hex.Decode("606480600b6000396000fd"), .. reason];
    }

    public async Task<JsonElement> BlocksPageAsync(long? before = null, int limit = 100) =>
        await Client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{Id}/blocks?limit={limit}" + (before is { } b ? $"&before={b}" : ""));

    public async Task<long> IndexedHeightAsync() =>
        (await BlocksPageAsync(limit: 1)).GetProperty("indexer").GetProperty("indexedHeight") is { ValueKind: JsonValueKind.Number } h ? h.GetInt64() : -1;

    /// <summary>Waits until the explorer has indexed block <paramref name="height"/>.</summary>
    public async Task WaitForIndexedAsync(long height, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        long indexed;
        while ((indexed = await IndexedHeightAsync()) < height)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The explorer indexed up to {indexed}, not {height}. {await BlocksPageAsync(limit: 1)}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Every indexed block from the API, oldest first.</summary>
    public async Task<List<JsonElement>> AllBlocksAsync()
    {
        var all = new List<JsonElement>();
        long? before = null;
        while (true)
        {
            var page = (await BlocksPageAsync(before)).GetProperty("blocks").EnumerateArray().ToList();
            if (page.Count == 0)
            {
                break;
            }
            all.AddRange(page);
            before = page[^1].GetProperty("number").GetInt64();
        }
        all.Reverse();
        return all;
    }

    public void Dispose() => Key.Dispose();
}
