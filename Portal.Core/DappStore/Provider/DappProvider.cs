using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Contracts;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Core.Wallets;

namespace NutPortal.Core.DappStore.Provider;

/// <summary>Opens the EIP-1193 provider session of one DApp front end shown to one user (one per frame on a page).</summary>
public sealed class DappProvider(
    WalletService wallets, WalletNetworks networks, WalletKeys keys, NetworkSigner signer, IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<DappStoreOptions> options)
{
    internal WalletService Wallets => wallets;

    internal WalletNetworks Networks => networks;

    internal WalletKeys Keys => keys;

    internal NetworkSigner Signer => signer;

    internal IDbContextFactory<PortalDbContext> DbFactory => dbFactory;

    internal DappStoreOptions Options => options.Value;

    public DappProviderSession Open(DappDetail dapp, Caller caller, IProviderApprovals approvals, DappConnections connections) =>
        new(this, dapp, caller, approvals, connections);
}
