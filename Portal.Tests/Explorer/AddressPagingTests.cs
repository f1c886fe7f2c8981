using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Explorer;

/// <summary>An address with more transactions than one page: the API's keyset pages walk back through all of them (the page's grid: <see cref="AddressGridComponentTests"/>).</summary>
public sealed class AddressPagingTests
{
    private const int Sent = 130;

    [Fact]
    public async Task Paging_an_address_past_100_transactions_reaches_every_one_exactly_once_newest_first()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateAdminClient();
        using var chain = await ExplorerChain.CreateAsync(client, "explorer-paging");
        using var recipient = PrivateKey.Generate();
        var sent = await SendManyAsync(chain, recipient.Address.ToLowerHex());
        var last = await chain.Rpc.WaitForTransactionReceiptAsync(sent[^1], TimeSpan.FromSeconds(60));
        await chain.WaitForIndexedAsync((long)last.BlockNumber, TimeSpan.FromSeconds(60));
        var api = $"/api/v1/networks/{chain.Id}/addresses/{chain.Key.Address.ToLowerHex()}";

        var first = await client.GetFromJsonAsync<JsonElement>(api);
        var second = await client.GetFromJsonAsync<JsonElement>($"{api}?before={first.GetProperty("nextBefore").GetString()}");

        Assert.Equal(100, first.GetProperty("transactions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextBefore").ValueKind);
        var hashes = first.GetProperty("transactions").EnumerateArray().Concat(second.GetProperty("transactions").EnumerateArray())
            .Select(t => t.GetProperty("hash").GetString()!).ToList();
        Assert.Equal(sent.AsEnumerable().Reverse().ToList(), hashes); // nonce order is chain order: newest first is reversed
        var small = await client.GetFromJsonAsync<JsonElement>($"{api}?limit=7&before={first.GetProperty("nextBefore").GetString()}");
        Assert.Equal(hashes.Skip(100).Take(7), small.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("hash").GetString()));
        var bad = await client.GetAsync($"{api}?before=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("before", out _));
    }

    /// <summary>Signs <see cref="Sent"/> transfers with consecutive nonces and submits them in one JSON-RPC batch.</summary>
    private static async Task<List<string>> SendManyAsync(ExplorerChain chain, string to)
    {
        var nonce = await chain.Rpc.GetTransactionCountAsync(chain.Key.Address.ToLowerHex(), BlockParameter.Pending);
        var batch = new JsonRpcBatch();
        for (var i = 0UL; i < Sent; i++)
        {
            var tx = new Transaction
            {
                ChainId = ExplorerChain.ChainId, Nonce = nonce + i, MaxPriorityFeePerGas = 1_000_000_000, MaxFeePerGas = 100_000_000_000,
                GasLimit = 21_000, To = Address.Parse(to), Value = 1,
            }.Sign(chain.Key);
            batch.Add<string>("eth_sendRawTransaction", Hex.Encode(tx.Encode()));
        }
        await chain.Rpc.SendBatchAsync(batch);
        return [.. batch.Items.Cast<JsonRpcBatchItem<string>>().Select(item => item.Result.ToLowerInvariant())];
    }
}
