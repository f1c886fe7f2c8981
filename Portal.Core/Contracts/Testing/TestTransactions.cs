using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Contracts.Testing;

/// <summary>A mined test transaction: who sent it, its gas limit, its receipt and the ABI to explain a revert with.</summary>
public sealed record TestTransaction(string From, ulong GasLimit, RpcReceipt Receipt, ContractAbi Abi);

/// <summary>Signs (EIP-1559) with a dev account, sends raw, waits for the receipt, and explains failures.</summary>
internal sealed class TestTransactions(IJsonRpcClient rpc, TimeSpan receiptTimeout)
{
    private ulong? _chainId;

    public async Task<TestTransaction> SendAsync(int account, string? to, byte[] data, BigInteger value, ulong gas, ContractAbi abi, CancellationToken ct)
    {
        using var key = DevAccounts.Key(account);
        var from = key.Address.ToLowerHex();
        _chainId ??= await rpc.GetChainIdAsync(ct);
        var nonce = await rpc.GetTransactionCountAsync(from, BlockParameter.Pending, ct);
        var baseFee = (await rpc.GetBlockByNumberAsync(BlockParameter.Latest, ct))?.BaseFeePerGas ?? 0;
        var tip = BigInteger.Pow(10, 9);
        // The gas limit is the step's cap, not an estimate: a transaction that would revert is still mined, so the
        // revert (or an endless loop running out of gas) is observed on chain rather than guessed at.
        var tx = new Transaction
        {
            Type = TransactionType.DynamicFee,
            ChainId = _chainId.Value,
            Nonce = nonce,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = (baseFee * 2) + tip,
            GasLimit = gas,
            To = to is null ? null : Ethereum.Keys.Address.Parse(to),
            Value = value,
            Data = data,
        }.Sign(key);
        var hash = await rpc.SendRawTransactionAsync(Hex.Encode(tx.Encode()), ct);
        var receipt = await rpc.WaitForTransactionReceiptAsync(hash, receiptTimeout, TimeSpan.FromMilliseconds(20), ct);
        return new TestTransaction(from, gas, receipt, abi);
    }

    /// <summary>Why a mined transaction failed: "ran out of gas …" or "reverted: reason".</summary>
    public async Task<string> FailureAsync(TestTransaction tx, CancellationToken ct)
    {
        if (tx.Receipt.GasUsed >= tx.GasLimit)
        {
            return OutOfGas(tx.GasLimit);
        }
        try
        {
            var frame = await rpc.TraceTransactionAsync(tx.Receipt.TransactionHash, null, ct);
            if (frame.Error is { } error && error.Contains("gas", StringComparison.OrdinalIgnoreCase) && !error.Contains("revert", StringComparison.OrdinalIgnoreCase))
            {
                return OutOfGas(tx.GasLimit);
            }
            var output = string.IsNullOrEmpty(frame.Output) ? [] : Hex.Decode(frame.Output);
            return "reverted: " + tx.Abi.DecodeRevert(output).Message;
        }
        catch (JsonRpcException)
        {
            return "reverted (the node could not replay it to tell why)";
        }
    }

    /// <summary>Explains an eth_call error: a revert with decoded data, running out of gas, or the node's message.</summary>
    public static string Explain(JsonRpcException e, ContractAbi abi, ulong gas)
    {
        if (e.RpcMessage.Contains("OutOfGas", StringComparison.OrdinalIgnoreCase) || e.RpcMessage.Contains("out of gas", StringComparison.OrdinalIgnoreCase))
        {
            return OutOfGas(gas);
        }
        return e.DataHex is { } data ? "reverted: " + abi.DecodeRevert(Hex.Decode(data)).Message : "failed: " + e.RpcMessage;
    }

    private static string OutOfGas(ulong cap) => $"ran out of gas (used all {cap.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} gas of the step's cap)";
}
