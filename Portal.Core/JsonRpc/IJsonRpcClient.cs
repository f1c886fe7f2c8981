namespace NutPortal.Core.JsonRpc;

/// <summary>A JSON-RPC 2.0 client for one node endpoint. Ethereum's typed eth_/debug_ calls are extension methods in <c>Ethereum.JsonRpc.EthereumRpc</c>.</summary>
public interface IJsonRpcClient
{
    Uri Endpoint { get; }

    /// <summary>
    /// Calls <paramref name="method"/> and reads its result as <typeparamref name="T"/> (quantities as hex ⇄
    /// <see cref="System.Numerics.BigInteger"/>/<see cref="ulong"/>). Throws <see cref="JsonRpcException"/> for a node
    /// error object and another <see cref="JsonRpcClientException"/> for timeouts, transport failures and garbage.
    /// </summary>
    Task<T> CallAsync<T>(string method, IReadOnlyList<object?>? parameters = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Sends every call added to <paramref name="batch"/> in one HTTP request; each item then holds its own result or error.</summary>
    Task SendBatchAsync(JsonRpcBatch batch, TimeSpan? timeout = null, CancellationToken cancellationToken = default);
}
