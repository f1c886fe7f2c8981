using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Contracts;

/// <summary>
/// An RPC client for a running node of a network. Apart from <see cref="NetworkSigner"/> so that what the signer itself
/// depends on (the identity registry's reads, for the checks of users' transactions) can read the chain without it.
/// </summary>
public sealed class NetworkRpc(IDbContextFactory<PortalDbContext> dbFactory, IJsonRpcClientFactory rpcFactory)
{
    /// <summary>Throws <see cref="ContractFailureException"/> when the network does not exist or runs no node with an RPC endpoint.</summary>
    public async Task<IJsonRpcClient> ForAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Networks.AnyAsync(n => n.Id == networkId, ct))
        {
            throw new ContractFailureException(ContractFailureKind.NotFound, "network", $"No network '{networkId}'.");
        }
        var url = await db.NetworkNodes.Where(n => n.NetworkId == networkId && n.Status == NodeStatus.Up && n.RpcUrl != null)
            .OrderBy(n => n.Name).Select(n => n.RpcUrl).FirstOrDefaultAsync(ct)
            ?? throw new ContractFailureException(ContractFailureKind.NotRunning, "network", "The network has no running node with an RPC endpoint.");
        return rpcFactory.CreateEthereum(new Uri(url));
    }
}
