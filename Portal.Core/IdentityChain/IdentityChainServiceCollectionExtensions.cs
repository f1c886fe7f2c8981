using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Gateway;

namespace NutPortal.Core.IdentityChain;

internal static class IdentityChainServiceCollectionExtensions
{
    public static IServiceCollection AddIdentityChains(this IServiceCollection services)
    {
        services.AddOptions<IdentityChainOptions>().BindConfiguration(IdentityChainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IdentityChainClock>();
        services.AddSingleton<IdentityChainService>();
        services.AddSingleton<IdentityRegistry>();
        services.AddSingleton<IdentityChallenges>();
        services.AddSingleton<IdentityStanding>();
        services.AddSingleton<IdentityAnswers>();
        services.AddSingleton<PortalSignedIdentity>();
        services.AddSingleton<IdentityRegistration>();
        services.AddSingleton<IdentityChallengeIssuer>();
        services.AddSingleton<IdentityRequirements>();
        services.AddSingleton<ITransactionGuard, IdentityGuard>();
        return services;
    }
}
