using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Core.Organizations;

internal static class OrganizationServiceCollectionExtensions
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddSingleton<OrganizationAccess>();
        services.AddSingleton<ResourceOwners>();
        services.AddSingleton<OrganizationService>();
        services.AddSingleton<OrganizationAudit>();
        services.AddSingleton<ConsortiumService>();
        services.AddSingleton<ChannelService>();
        services.AddSingleton<JoinRequestService>();
        services.AddSingleton<MemberAccounts>();
        services.AddScoped<InvitationService>();
        return services;
    }
}
