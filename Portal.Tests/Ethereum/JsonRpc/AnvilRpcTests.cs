using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.JsonRpc;

public sealed class AnvilRpcTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly BigInteger TenThousandEther = BigInteger.Parse("10000000000000000000000");

    private IJsonRpcClient Rpc => anvil.Rpc;

    private async Task<string> AccountAsync(int index) => (await Rpc.CallAsync<IReadOnlyList<string>>("eth_accounts"))[index];

    [Fact]
    public async Task Chain_identity_and_network_status()
    {
        Assert.Equal(AnvilNode.ChainId, await Rpc.GetChainIdAsync());
        Assert.Equal("31337", await Rpc.GetNetVersionAsync());
        // anvil has no net_peerCount (-32601); its parsing is covered against a fake node.
        Assert.Equal(-32601, (await Assert.ThrowsAsync<JsonRpcException>(() => Rpc.GetPeerCountAsync())).Code);
        var pool = await Rpc.GetTxPoolStatusAsync();
        Assert.Equal(0UL, pool.Queued);
        Assert.True(await Rpc.GetGasPriceAsync() > 0);
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
        Assert.Equal("0x", await Rpc.GetCodeAsync(accounts[9]));
    }

    [Fact]
    public async Task Deployed_contract_is_called_and_its_state_changes()
    {
        var from = await AccountAsync(2);
        var box = await anvil.DeployBoxAsync(from);

        Assert.Equal("0x" + anvil.Box.DeployedBytecode, await Rpc.GetCodeAsync(box));
        var read = new RpcTransactionRequest { To = box, Input = anvil.Calldata("value()") };
        Assert.Equal("0x" + AnvilFixture.Word(0), await Rpc.CallAsync(read));

        var store = new RpcTransactionRequest { From = from, To = box, Input = anvil.Calldata("store(uint256)", AnvilFixture.Word(7)) };
        var gas = await Rpc.EstimateGasAsync(store);
        Assert.InRange(gas, 21_000UL, 200_000UL);
        var receipt = await anvil.TransactAsync(store);

        Assert.True(receipt.Succeeded);
        Assert.Equal(Json(receipt), Json(await Rpc.GetTransactionReceiptAsync(receipt.TransactionHash)));
        Assert.Equal(box, receipt.To, ignoreCase: true);
        Assert.InRange(receipt.GasUsed, 21_000UL, gas);
        Assert.Equal("0x" + AnvilFixture.Word(7), await Rpc.CallAsync(read));
        Assert.Equal("0x" + AnvilFixture.Word(0), await Rpc.CallAsync(read, receipt.BlockNumber - 1));
    }

    [Fact]
    public async Task Transactions_blocks_receipts_and_logs_agree()
    {
        var from = await AccountAsync(3);
        var box = await anvil.DeployBoxAsync(from);
        var receipt = await anvil.TransactAsync(
            new RpcTransactionRequest { From = from, To = box, Input = anvil.Calldata("store(uint256)", AnvilFixture.Word(42)) });
        var hash = receipt.TransactionHash;

        var tx = await Rpc.GetTransactionByHashAsync(hash);
        Assert.NotNull(tx);
        Assert.Equal(from, tx.From, ignoreCase: true);
        Assert.Equal(anvil.Calldata("store(uint256)", AnvilFixture.Word(42)), tx.Input);
        Assert.Equal(BigInteger.Zero, tx.Value);
        Assert.Equal(receipt.BlockNumber, tx.BlockNumber);
        Assert.Equal(1UL, tx.Nonce);

        var block = await Rpc.GetBlockByNumberAsync(receipt.BlockNumber);
        Assert.NotNull(block);
        Assert.Equal(receipt.BlockHash, block.Hash);
        Assert.Contains(block.Transactions, t => t.Hash == hash && string.Equals(t.To, box, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Json(block), Json(await Rpc.GetBlockByHashAsync(block.Hash)));
        Assert.True(await Rpc.GetBlockNumberAsync() >= receipt.BlockNumber);
        Assert.Null(await Rpc.GetBlockByNumberAsync(receipt.BlockNumber + 1000));
        Assert.Null(await Rpc.GetTransactionReceiptAsync("0x" + new string('0', 64)));

        var receipts = await Rpc.GetBlockReceiptsAsync(receipt.BlockNumber);
        Assert.Equal(hash, Assert.Single(receipts!, r => r.TransactionHash == hash).TransactionHash);

        var log = Assert.Single(receipt.Logs);
        Assert.Equal(box, log.Address, ignoreCase: true);
        Assert.Equal("0x" + AnvilFixture.Word(from), log.Topics[1]);
        Assert.Equal("0x" + AnvilFixture.Word(42), log.Data);

        var logs = await Rpc.GetLogsAsync(new RpcLogFilter
        {
            FromBlock = BlockParameter.Earliest,
            ToBlock = BlockParameter.Latest,
            Address = [box],
            Topics = [[log.Topics[0]], ["0x" + AnvilFixture.Word(from)]],
        });
        Assert.Equal(Json(log), Json(Assert.Single(logs)));
        Assert.Empty(await Rpc.GetLogsAsync(new RpcLogFilter { Address = [box], Topics = [["0x" + new string('1', 64)]], FromBlock = 0UL }));
    }

    [Fact]
    public async Task Reverting_call_maps_to_a_json_rpc_exception_with_revert_data()
    {
        var from = await AccountAsync(4);
        var box = await anvil.DeployBoxAsync(from);
        var call = new RpcTransactionRequest { From = from, To = box, Input = anvil.Calldata("store(uint256)", AnvilFixture.Word(13)) };

        var e = await Assert.ThrowsAsync<JsonRpcException>(() => Rpc.CallAsync(call));
        Assert.Equal("eth_call", e.Method);
        Assert.Equal(3, e.Code);
        Assert.Contains("unlucky", e.RpcMessage);
        // Error(string) selector followed by the ABI-encoded reason.
        Assert.StartsWith("0x08c379a0", e.DataHex);
        Assert.Contains(Convert.ToHexStringLower("unlucky"u8), e.DataHex);

        var estimate = await Assert.ThrowsAsync<JsonRpcException>(() => Rpc.EstimateGasAsync(call));
        Assert.Equal("eth_estimateGas", estimate.Method);
        Assert.Contains("unlucky", estimate.RpcMessage);
    }

    [Fact]
    public async Task Call_tracer_shows_the_reverting_nested_frame()
    {
        var from = await AccountAsync(5);
        var outer = await anvil.DeployBoxAsync(from);
        var inner = await anvil.DeployBoxAsync(from);
        // Explicit gas skips estimation, which would refuse a reverting transaction before it is mined.
        var receipt = await anvil.TransactAsync(new RpcTransactionRequest
        {
            From = from, To = outer, Gas = 300_000,
            Input = anvil.Calldata("storeVia(address,uint256)", AnvilFixture.Word(inner), AnvilFixture.Word(13)),
        });
        Assert.Equal(0UL, receipt.Status);

        var trace = await Rpc.TraceTransactionAsync(receipt.TransactionHash);
        Assert.Equal("CALL", trace.Type);
        Assert.Equal(from, trace.From, ignoreCase: true);
        Assert.Equal(outer, trace.To, ignoreCase: true);
        Assert.Equal("execution reverted", trace.Error);
        Assert.InRange(trace.Gas!.Value, 250_000UL, 300_000UL); // the tracer reports gas after intrinsic cost
        Assert.True(trace.GasUsed > 21_000);
        var nested = Assert.Single(trace.Calls!);
        Assert.Equal("CALL", nested.Type);
        Assert.Equal(inner, nested.To, ignoreCase: true);
        Assert.Equal("unlucky", nested.RevertReason);
        Assert.Equal(anvil.Calldata("store(uint256)", AnvilFixture.Word(13)), nested.Input);
        Assert.Equal(2, trace.Flatten().Count());
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

    [Fact]
    public async Task Fee_history_is_read_with_integer_fees()
    {
        var from = await AccountAsync(6);
        await anvil.DeployBoxAsync(from);
        var latest = await Rpc.GetBlockNumberAsync();
        var history = await Rpc.GetFeeHistoryAsync(2, BlockParameter.Latest, [25, 75]);

        Assert.Equal(latest - 1, history.OldestBlock);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.Equal(2, history.GasUsedRatio.Count);
        Assert.All(history.GasUsedRatio, r => Assert.InRange(r, 0, 1));
        Assert.All(history.Reward!, r => Assert.Equal(2, r.Count));
    }

    /// <summary>Records holding lists compare lists by reference; compare their JSON form instead.</summary>
    private static string Json(object? value) => JsonSerializer.Serialize(value, RpcJson.Options);
}
