using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Core.Wallets;

public static class WalletServiceCollectionExtensions
{
    /// <summary>Users' wallet accounts: keys at rest, keystores, holdings, history, sends and the faucet (Portal:Wallets).</summary>
    public static IServiceCollection AddWallets(this IServiceCollection services)
    {
        services.AddOptions<WalletOptions>().BindConfiguration(WalletOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WalletKeys>();
        services.AddSingleton<KeystoreWork>();
        services.AddSingleton<WalletService>();
        services.AddSingleton<WalletNetworks>();
        services.AddSingleton<WalletHoldings>();
        services.AddSingleton<WalletActivity>();
        services.AddSingleton<WalletTransfers>();
        services.AddSingleton<WalletFaucet>();
        return services;
    }
}
