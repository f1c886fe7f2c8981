using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.JsonRpc;

/// <summary>Deploy, call, transact, look up, filter logs and trace against a real anvil node.</summary>
public sealed class AnvilContractTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private IJsonRpcClient Rpc => anvil.Rpc;

    private async Task<string> AccountAsync(int index) => (await Rpc.CallAsync<IReadOnlyList<string>>("eth_accounts"))[index];

    [Fact]
    public async Task Deployed_contract_is_called_and_its_state_changes()
    {
        var from = await AccountAsync(2);
        var box = await anvil.DeployBoxAsync(from);

        Assert.Equal("0x" + anvil.Box.DeployedBytecode, await Rpc.CallAsync<string>("eth_getCode", [box, BlockParameter.Latest]));
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

        var tx = await Rpc.CallAsync<RpcTransaction?>("eth_getTransactionByHash", [hash]);
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
        Assert.Equal(Json(block), Json(await Rpc.CallAsync<RpcBlock?>("eth_getBlockByHash", [block.Hash, true])));
        Assert.True(await Rpc.GetBlockNumberAsync() >= receipt.BlockNumber);
        Assert.Null(await Rpc.GetBlockByNumberAsync(receipt.BlockNumber + 1000));
        Assert.Null(await Rpc.GetTransactionReceiptAsync("0x" + new string('0', 64)));

        var receipts = await Rpc.CallAsync<IReadOnlyList<RpcReceipt>?>("eth_getBlockReceipts", [BlockParameter.FromNumber(receipt.BlockNumber)]);
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

    /// <summary>Records holding lists compare lists by reference; compare their JSON form instead.</summary>
    private static string Json(object? value) => JsonSerializer.Serialize(value, EthereumRpc.Json);
}
