using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

/// <summary>
/// Reads a network's chain through its platform (balances, read-only contract calls) from the node that is up and
/// furthest ahead. Used by the read API and by the oracle's network sources; who may read is decided by the caller
/// (the API's access filter, <c>OracleAccess</c>). Every failure is a <see cref="ChainReadException"/> naming it.
/// </summary>
public sealed class ChainReader(IDbContextFactory<PortalDbContext> dbFactory, NodeRunner runner)
{
    /// <summary>The address's balances; with <paramref name="asset"/> (a symbol or asset id) only that one.</summary>
    public async Task<ChainBalances> BalancesAsync(string networkId, string address, string? asset, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 200)
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, "address", "An address of the network's chain is required (at most 200 characters).");
        }
        var balances = await ReadAsync(networkId, (platform, node) => platform.ReadBalancesAsync(node, address.Trim(), ct), ct);
        if (string.IsNullOrWhiteSpace(asset))
        {
            return balances;
        }
        var one = balances.Balances.FirstOrDefault(b => string.Equals(b.Asset, asset.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(b.AssetId, asset.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ChainReadException(ChainReadFailure.InvalidInput, "asset",
                $"No asset '{asset}' on this chain for the address; it holds {string.Join(", ", balances.Balances.Select(b => b.Asset))}.");
        return balances with { Balances = [one] };
    }

    public async Task<ChainCallResult> CallAsync(string networkId, ChainCall call, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(call.Contract) || string.IsNullOrWhiteSpace(call.Method))
        {
            throw new ChainReadException(ChainReadFailure.InvalidInput, string.IsNullOrWhiteSpace(call.Contract) ? "contract" : "method", "The contract and the method are required.");
        }
        return await ReadAsync(networkId, (platform, node) => platform.CallReadOnlyAsync(node, call with { Contract = call.Contract.Trim(), Method = call.Method.Trim() }, ct), ct);
    }

    /// <summary>A chain browser read (<see cref="IChainBrowser"/>: Neo, Litecoin) from the node furthest ahead.</summary>
    public Task<T> BrowseAsync<T>(string networkId, Func<IChainBrowser, NetworkNode, Task<T>> read, CancellationToken ct) =>
        ReadAsync(networkId, (platform, node) => platform is IChainBrowser browser ? read(browser, node)
            : throw new ChainReadException(ChainReadFailure.Unsupported, "network", $"{platform.DisplayName} networks are browsed in the explorer, not the chain browser."), ct);

    private async Task<T> ReadAsync<T>(string networkId, Func<IBlockchainPlatform, NetworkNode, Task<T>> read, CancellationToken ct)
    {
        Network? network;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            network = await db.Networks.AsNoTracking().Include(n => n.Nodes).SingleOrDefaultAsync(n => n.Id == networkId, ct);
        }
        if (network is null)
        {
            throw new ChainReadException(ChainReadFailure.NoNode, "network", $"No network '{networkId}'.");
        }
        var node = network.Nodes.Where(n => n.Status == NodeStatus.Up && n.RpcUrl is not null).OrderByDescending(n => n.BlockHeight ?? -1).FirstOrDefault()
            ?? throw new ChainReadException(ChainReadFailure.NoNode, "network", $"No node of network '{network.Name}' is up ({network.Status}); start it and read again.");
        try
        {
            return await read(runner.PlatformFor(network), node);
        }
        catch (NodeRpcException ex)
        {
            throw new ChainReadException(ChainReadFailure.NodeFailed, null, $"{node.Name} of '{network.Name}' gave no usable answer: {ex.Message}", ex);
        }
    }
}
