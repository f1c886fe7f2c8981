using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Gateway;

namespace NutPortal.Core.SecurityPolicy;

internal static class SecurityPolicyServiceCollectionExtensions
{
    public static IServiceCollection AddSecurityPolicies(this IServiceCollection services)
    {
        services.AddSingleton<SecurityPolicies>();
        services.AddSingleton<NetworkDataKeys>();
        services.AddSingleton<PolicyAbis>();
        services.AddSingleton<PolicyEnforcer>();
        services.AddSingleton<PayloadReader>();
        services.AddSingleton<ITransactionGuard, SecurityPolicyGuard>();
        return services;
    }
}
