using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Core.Wallets;

namespace NutPortal.Core.DappStore.Provider;

/// <summary>A network a DApp may be switched to: one the user's wallet may use, with the chain id of its profile.</summary>
public sealed record ProviderChain(string NetworkId, string Name, long ChainId)
{
    public string ChainIdHex => "0x" + ChainId.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The caller's wallet networks (Ethereum: the wallets feature) with their chain ids, ordered by name.</summary>
    public static async Task<IReadOnlyList<ProviderChain>> ListAsync(
        WalletNetworks networks, IDbContextFactory<PortalDbContext> dbFactory, Caller caller, CancellationToken ct)
    {
        var visible = await networks.ListAsync(caller, ct);
        var ids = visible.Select(n => n.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Networks.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        return [.. visible.Join(rows, v => v.Id, r => r.Id, (v, r) => new ProviderChain(v.Id, v.Name, NodeRunner.ReadProfile(r).ChainId))];
    }
}
