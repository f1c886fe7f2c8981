using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Wallets;

/// <summary>A network a wallet works on, as its user sees it.</summary>
public sealed record WalletNetwork(string Id, string Name, string PlatformName, NetworkStatus Status, bool HasFaucet);

/// <summary>
/// The networks a caller's wallet may use: those <see cref="OrganizationAccess"/> lets them see, on platforms whose
/// accounts are the wallet's (<see cref="PlatformFeatures.Wallets"/>). Any other network does not exist for the wallet.
/// </summary>
public sealed class WalletNetworks(IDbContextFactory<PortalDbContext> dbFactory, NodeRunner runner)
{
    public async Task<IReadOnlyList<WalletNetwork>> ListAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var networks = await OrganizationAccess.Visible(db, db.Networks, caller).AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);
        return [.. networks.Where(Supports).Select(View)];
    }

    /// <summary>The network when the caller's wallet may use it; <see cref="WalletFailureKind.NotFound"/> otherwise.</summary>
    public async Task<WalletNetwork> GetAsync(Caller caller, string networkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var network = await OrganizationAccess.Visible(db, db.Networks, caller).AsNoTracking().SingleOrDefaultAsync(n => n.Id == networkId, ct);
        return network is not null && Supports(network) ? View(network)
            : throw new WalletFailureException(WalletFailureKind.NotFound, "network", $"No network '{networkId}' for your wallet.");
    }

    private bool Supports(Network network) => runner.PlatformFor(network).Capabilities.Supports(PlatformFeatures.Wallets);

    private WalletNetwork View(Network n)
    {
        var platform = runner.PlatformFor(n);
        return new WalletNetwork(n.Id, n.Name, platform.DisplayName, n.Status, platform.Capabilities.Supports(PlatformFeatures.Faucet));
    }
}
