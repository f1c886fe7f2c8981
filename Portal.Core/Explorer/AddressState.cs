using System.Numerics;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Networks;

namespace NutPortal.Core.Explorer;

/// <summary>An address as the node sees it now; <see cref="NodeError"/> says why the live part is missing.</summary>
public sealed record AddressSnapshot(BigInteger? Balance, long? Nonce, string? Code, string? NodeError);

/// <summary>Reads balance, nonce and code of an address live from one of the network's nodes, in one batch.</summary>
public sealed class AddressState(NetworkCatalog networks, IJsonRpcClientFactory rpcFactory)
{
    public async Task<AddressSnapshot> ReadAsync(string networkId, string address, CancellationToken ct = default)
    {
        var network = await networks.GetAsync(networkId, ct);
        var url = network?.Nodes.FirstOrDefault(n => n.Status == NodeStatus.Up && n.RpcUrl is not null)?.RpcUrl;
        if (url is null)
        {
            return new AddressSnapshot(null, null, null, "No node of the network is up.");
        }
        var batch = new JsonRpcBatch();
        var balance = batch.Add<BigInteger>("eth_getBalance", address, BlockParameter.Latest);
        var nonce = batch.Add<ulong>("eth_getTransactionCount", address, BlockParameter.Latest);
        var code = batch.Add<string>("eth_getCode", address, BlockParameter.Latest);
        try
        {
            await rpcFactory.CreateEthereum(new Uri(url)).SendBatchAsync(batch, cancellationToken: ct);
            return new AddressSnapshot(balance.Result, (long)nonce.Result, code.Result, null);
        }
        catch (JsonRpcClientException ex)
        {
            return new AddressSnapshot(null, null, null, $"The node did not answer: {ex.Message}");
        }
    }
}
