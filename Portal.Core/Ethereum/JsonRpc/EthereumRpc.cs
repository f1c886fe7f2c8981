using System.Numerics;

namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>Typed wrappers for the eth_, net_, txpool_ and debug_ methods the portal uses.</summary>
public static class EthereumRpc
{
    private static readonly Dictionary<string, string> CallTracer = new() { ["tracer"] = "callTracer" };

    public static Task<ulong> GetChainIdAsync(this IJsonRpcClient rpc, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("eth_chainId", null, null, ct);

    public static Task<ulong> GetBlockNumberAsync(this IJsonRpcClient rpc, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("eth_blockNumber", null, null, ct);

    /// <summary>The block with full transaction objects, or null when it does not exist.</summary>
    public static Task<RpcBlock?> GetBlockByNumberAsync(this IJsonRpcClient rpc, BlockParameter block, CancellationToken ct = default) =>
        rpc.CallAsync<RpcBlock?>("eth_getBlockByNumber", [block, true], null, ct);

    public static Task<RpcBlock?> GetBlockByHashAsync(this IJsonRpcClient rpc, string blockHash, CancellationToken ct = default) =>
        rpc.CallAsync<RpcBlock?>("eth_getBlockByHash", [blockHash, true], null, ct);

    public static Task<IReadOnlyList<RpcReceipt>?> GetBlockReceiptsAsync(this IJsonRpcClient rpc, BlockParameter block, CancellationToken ct = default) =>
        rpc.CallAsync<IReadOnlyList<RpcReceipt>?>("eth_getBlockReceipts", [block], null, ct);

    public static Task<RpcTransaction?> GetTransactionByHashAsync(this IJsonRpcClient rpc, string hash, CancellationToken ct = default) =>
        rpc.CallAsync<RpcTransaction?>("eth_getTransactionByHash", [hash], null, ct);

    /// <summary>The receipt, or null while the transaction is pending or unknown.</summary>
    public static Task<RpcReceipt?> GetTransactionReceiptAsync(this IJsonRpcClient rpc, string hash, CancellationToken ct = default) =>
        rpc.CallAsync<RpcReceipt?>("eth_getTransactionReceipt", [hash], null, ct);

    /// <summary>Polls eth_getTransactionReceipt until the transaction is mined or <paramref name="timeout"/> passes.</summary>
    public static async Task<RpcReceipt> WaitForTransactionReceiptAsync(
        this IJsonRpcClient rpc, string hash, TimeSpan timeout, TimeSpan? pollInterval = null, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await rpc.GetTransactionReceiptAsync(hash, ct) is { } receipt)
            {
                return receipt;
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new JsonRpcTimeoutException("eth_getTransactionReceipt", timeout);
            }
            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(100), ct);
        }
    }

    /// <summary>Submits a signed transaction (0x-prefixed RLP/typed envelope) and returns its hash.</summary>
    public static Task<string> SendRawTransactionAsync(this IJsonRpcClient rpc, string signedTransaction, CancellationToken ct = default) =>
        rpc.CallAsync<string>("eth_sendRawTransaction", [signedTransaction], null, ct);

    /// <summary>Asks the node to sign with an unlocked account (anvil, dev nodes) and returns the hash.</summary>
    public static Task<string> SendTransactionAsync(this IJsonRpcClient rpc, RpcTransactionRequest transaction, CancellationToken ct = default) =>
        rpc.CallAsync<string>("eth_sendTransaction", [transaction], null, ct);

    /// <summary>Returns the call's output data; a revert throws <see cref="JsonRpcException"/> with the revert data in DataHex.</summary>
    public static Task<string> CallAsync(this IJsonRpcClient rpc, RpcTransactionRequest call, BlockParameter block = default, CancellationToken ct = default) =>
        rpc.CallAsync<string>("eth_call", [call, block], null, ct);

    public static Task<ulong> EstimateGasAsync(this IJsonRpcClient rpc, RpcTransactionRequest call, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("eth_estimateGas", [call], null, ct);

    public static Task<BigInteger> GetBalanceAsync(this IJsonRpcClient rpc, string address, BlockParameter block = default, CancellationToken ct = default) =>
        rpc.CallAsync<BigInteger>("eth_getBalance", [address, block], null, ct);

    public static Task<ulong> GetTransactionCountAsync(this IJsonRpcClient rpc, string address, BlockParameter block = default, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("eth_getTransactionCount", [address, block], null, ct);

    public static Task<BigInteger> GetGasPriceAsync(this IJsonRpcClient rpc, CancellationToken ct = default) =>
        rpc.CallAsync<BigInteger>("eth_gasPrice", null, null, ct);

    public static Task<RpcFeeHistory> GetFeeHistoryAsync(
        this IJsonRpcClient rpc, ulong blockCount, BlockParameter newestBlock, IReadOnlyList<double>? rewardPercentiles = null, CancellationToken ct = default) =>
        rpc.CallAsync<RpcFeeHistory>("eth_feeHistory", [blockCount, newestBlock, rewardPercentiles ?? []], null, ct);

    public static Task<IReadOnlyList<RpcLog>> GetLogsAsync(this IJsonRpcClient rpc, RpcLogFilter filter, CancellationToken ct = default) =>
        rpc.CallAsync<IReadOnlyList<RpcLog>>("eth_getLogs", [filter], null, ct);

    public static Task<string> GetCodeAsync(this IJsonRpcClient rpc, string address, BlockParameter block = default, CancellationToken ct = default) =>
        rpc.CallAsync<string>("eth_getCode", [address, block], null, ct);

    /// <summary>net_version is a decimal string by specification, not a quantity.</summary>
    public static Task<string> GetNetVersionAsync(this IJsonRpcClient rpc, CancellationToken ct = default) =>
        rpc.CallAsync<string>("net_version", null, null, ct);

    public static Task<ulong> GetPeerCountAsync(this IJsonRpcClient rpc, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("net_peerCount", null, null, ct);

    public static Task<RpcTxPoolStatus> GetTxPoolStatusAsync(this IJsonRpcClient rpc, CancellationToken ct = default) =>
        rpc.CallAsync<RpcTxPoolStatus>("txpool_status", null, null, ct);

    /// <summary>debug_traceTransaction with {"tracer":"callTracer"}: the call tree, including reverted frames.</summary>
    public static Task<RpcCallFrame> TraceTransactionAsync(this IJsonRpcClient rpc, string hash, TimeSpan? timeout = null, CancellationToken ct = default) =>
        rpc.CallAsync<RpcCallFrame>("debug_traceTransaction", [hash, CallTracer], timeout, ct);
}
