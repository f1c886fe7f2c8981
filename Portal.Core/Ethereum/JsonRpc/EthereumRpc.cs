using System.Numerics;
using System.Text.Json;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>Typed wrappers for the eth_ and debug_ methods the portal calls outside batches (others: <see cref="IJsonRpcClient.CallAsync{T}"/> by name).</summary>
public static class EthereumRpc
{
    private static readonly Dictionary<string, string> CallTracer = new() { ["tracer"] = "callTracer" };

    /// <summary>Ethereum's dialect: quantities as hex (plain JSON integers are read too), block tags.</summary>
    public static readonly JsonSerializerOptions Json =
        JsonRpcJson.Create(new BigIntegerQuantityConverter(), new UInt64QuantityConverter(), new BlockParameterConverter());

    /// <summary>A client for an Ethereum node.</summary>
    public static IJsonRpcClient CreateEthereum(this IJsonRpcClientFactory factory, Uri endpoint) => factory.Create(endpoint, Json);

    /// <summary>A client for an Ethereum node over <paramref name="http"/> (tools and tests outside the container).</summary>
    public static IJsonRpcClient Client(HttpClient http, Uri endpoint, JsonRpcClientOptions? options = null) =>
        new JsonRpcClient(http, endpoint, options, Json);

    public static Task<ulong> GetChainIdAsync(this IJsonRpcClient rpc, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("eth_chainId", null, null, ct);

    public static Task<ulong> GetBlockNumberAsync(this IJsonRpcClient rpc, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("eth_blockNumber", null, null, ct);

    /// <summary>The block with full transaction objects, or null when it does not exist.</summary>
    public static Task<RpcBlock?> GetBlockByNumberAsync(this IJsonRpcClient rpc, BlockParameter block, CancellationToken ct = default) =>
        rpc.CallAsync<RpcBlock?>("eth_getBlockByNumber", [block, true], null, ct);

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

    /// <summary>Returns the call's output data; a revert throws <see cref="JsonRpcException"/> with the revert data in DataHex.</summary>
    public static Task<string> CallAsync(this IJsonRpcClient rpc, RpcTransactionRequest call, BlockParameter block = default, CancellationToken ct = default) =>
        rpc.CallAsync<string>("eth_call", [call, block], null, ct);

    public static Task<ulong> EstimateGasAsync(this IJsonRpcClient rpc, RpcTransactionRequest call, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("eth_estimateGas", [call], null, ct);

    public static Task<BigInteger> GetBalanceAsync(this IJsonRpcClient rpc, string address, BlockParameter block = default, CancellationToken ct = default) =>
        rpc.CallAsync<BigInteger>("eth_getBalance", [address, block], null, ct);

    public static Task<ulong> GetTransactionCountAsync(this IJsonRpcClient rpc, string address, BlockParameter block = default, CancellationToken ct = default) =>
        rpc.CallAsync<ulong>("eth_getTransactionCount", [address, block], null, ct);

    public static Task<IReadOnlyList<RpcLog>> GetLogsAsync(this IJsonRpcClient rpc, RpcLogFilter filter, CancellationToken ct = default) =>
        rpc.CallAsync<IReadOnlyList<RpcLog>>("eth_getLogs", [filter], null, ct);

    /// <summary>debug_traceTransaction with {"tracer":"callTracer"}: the call tree, including reverted frames.</summary>
    public static Task<RpcCallFrame> TraceTransactionAsync(this IJsonRpcClient rpc, string hash, TimeSpan? timeout = null, CancellationToken ct = default) =>
        rpc.CallAsync<RpcCallFrame>("debug_traceTransaction", [hash, CallTracer], timeout, ct);
}
