using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.JsonRpc;

/// <summary>Chain state, errors and batches against a real anvil node.</summary>
public sealed class AnvilRpcTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly BigInteger TenThousandEther = BigInteger.Parse("10000000000000000000000");

    private IJsonRpcClient Rpc => anvil.Rpc;

    private async Task<string> AccountAsync(int index) => (await Rpc.CallAsync<IReadOnlyList<string>>("eth_accounts"))[index];

    [Fact]
    public async Task Chain_identity_and_network_status()
    {
        Assert.Equal(AnvilNode.ChainId, await Rpc.GetChainIdAsync());
        Assert.Equal("31337", await Rpc.CallAsync<string>("net_version"));
        // anvil has no net_peerCount (-32601); its parsing is covered against a fake node.
        Assert.Equal(-32601, (await Assert.ThrowsAsync<JsonRpcException>(() => Rpc.CallAsync<ulong>("net_peerCount"))).Code);
        var pool = await Rpc.CallAsync<RpcTxPoolStatus>("txpool_status");
        Assert.Equal(0UL, pool.Queued);
        Assert.True(await Rpc.CallAsync<BigInteger>("eth_gasPrice") > 0);
    }

    [Fact]
    public async Task Prefunded_accounts_have_ten_thousand_ether_and_no_nonce()
    {
        var accounts = await Rpc.CallAsync<IReadOnlyList<string>>("eth_accounts");
        Assert.Equal(10, accounts.Count);
        Assert.Equal(AnvilNode.Account0, accounts[0], ignoreCase: true);
        // Account 9 is never used by these tests, so its state is the genesis state.
        Assert.Equal(TenThousandEther, await Rpc.GetBalanceAsync(accounts[9]));
        Assert.Equal(0UL, await Rpc.GetTransactionCountAsync(accounts[9]));
        Assert.Equal(TenThousandEther, await Rpc.GetBalanceAsync(accounts[9], BlockParameter.Earliest));
        Assert.Equal("0x", await Rpc.CallAsync<string>("eth_getCode", [accounts[9], BlockParameter.Latest]));
    }

    [Fact]
    public async Task Unknown_method_maps_to_method_not_found()
    {
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => Rpc.CallAsync<JsonElement>("eth_noSuchMethod"));
        Assert.Equal(-32601, e.Code);
        Assert.Equal("eth_noSuchMethod", e.Method);
        Assert.False(string.IsNullOrEmpty(e.RpcMessage));
    }

    [Fact]
    public async Task Batch_returns_each_result_or_error_in_place()
    {
        var batch = new JsonRpcBatch();
        var chainId = batch.Add<ulong>("eth_chainId");
        var unknown = batch.Add<string>("eth_noSuchMethod");
        var balance = batch.Add<BigInteger>("eth_getBalance", await AccountAsync(9), BlockParameter.Latest);
        var block = batch.Add<RpcBlock?>("eth_getBlockByNumber", BlockParameter.Earliest, true);
        await Rpc.SendBatchAsync(batch);

        Assert.Equal(AnvilNode.ChainId, chainId.Result);
        Assert.Equal(TenThousandEther, balance.Result);
        Assert.Equal(0UL, block.Result!.Number);
        Assert.Equal(-32601, Assert.IsType<JsonRpcException>(unknown.Error).Code);
        Assert.Throws<JsonRpcException>(() => unknown.Result);
    }

    /// <summary>Records holding lists compare lists by reference; compare their JSON form instead.</summary>
    private static string Json(object? value) => JsonSerializer.Serialize(value, EthereumRpc.Json);
}
