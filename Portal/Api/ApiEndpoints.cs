using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

internal static class ApiEndpoints
{
    /// <summary>Everything under /api/v1. Sign-in is required by the fallback policy; admin groups add a role.</summary>
    public static void MapPortalApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOtlpIngest();
        var v1 = endpoints.MapGroup("/api/v1").WithResourceAccess();
        v1.MapMeEndpoints();
        v1.MapTokenEndpoints();
        v1.MapUserEndpoints();
        v1.MapJobEndpoints();
        v1.MapNetworkEndpoints();
        v1.MapChainReadEndpoints();
        v1.MapChainBrowseEndpoints();
        v1.MapContractEndpoints();
        v1.MapContractTestEndpoints();
        v1.MapExplorerEndpoints();
        v1.MapTraceEndpoints();
        v1.MapMonitoringEndpoints();
        v1.MapAlertEndpoints();
        v1.MapOrganizationEndpoints();
        v1.MapConsortiumEndpoints();
        v1.MapWalletEndpoints();
        v1.MapDappEndpoints();
        v1.MapCommunityEndpoints();
        NutPortal.Web.Gateway.GatewayEndpoints.MapGatewayEndpoints(v1);
        NutPortal.Web.IdentityChain.IdentityChainEndpoints.MapIdentityChainEndpoints(v1);
        v1.MapSecurityPolicyEndpoints();
        // Unknown API routes give 404 problem details rather than the HTML page fallback.
        v1.MapFallback(() => Results.NotFound()).ExcludeFromDescription();
    }
}
