using Microsoft.AspNetCore.Routing.Patterns;
using NutPortal.Core.Organizations;
using NutPortal.Web.Api;

namespace NutPortal.Web.Organizations;

/// <summary>What an endpoint does to the resource its route names.</summary>
public enum AccessRight
{
    /// <summary>Read (the default for GET).</summary>
    View,

    /// <summary>Change the network itself or an organization's thing as its Operator (the default for other verbs).</summary>
    Operate,

    /// <summary>Operate as any of a consortium network's organizations (alert rules, workloads, adding one's own node).</summary>
    OperateAny,

    /// <summary>Build and deploy contracts.</summary>
    Develop,
}

internal sealed record AccessNeed(AccessRight Right);

/// <summary>
/// One filter over the whole API: the resource an endpoint's route names ({id} under /networks, {networkId},
/// /contracts/{id}, {projectId}, /alert-rules/{id}, /alerts/{id}, /test-runs/{runId}, /scans/{id}, /workloads/{id})
/// must be visible to the caller, else 404 (its existence is not revealed); then the caller's roles in the owning
/// organization must allow the endpoint's <see cref="AccessRight"/>, else 403. Reads need only visibility; other verbs
/// need Develop on contract projects, test runs and scans and Operate on the rest, unless the endpoint says otherwise. New endpoints under these routes are
/// covered without a line of their own.
/// </summary>
internal static class ResourceAccess
{
    public static TBuilder Needs<TBuilder>(this TBuilder builder, AccessRight right) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessNeed(right));

    public static RouteGroupBuilder WithResourceAccess(this RouteGroupBuilder api) => api.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (http.GetEndpoint() is not RouteEndpoint endpoint || Resolve(endpoint.RoutePattern, http) is not { } target)
        {
            return await next(context);
        }
        var need = endpoint.Metadata.GetMetadata<AccessNeed>()?.Right
            ?? (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? AccessRight.View
                : target.Kind is ResourceKind.Project or ResourceKind.TestRun or ResourceKind.Scan ? AccessRight.Develop : AccessRight.Operate);
        var caller = await http.RequestServices.GetRequiredService<CallerAccessor>().GetAsync(http.RequestAborted);
        var owner = target.Kind == ResourceKind.Network
            ? new ResourceOwner(target.Id, null)
            : await http.RequestServices.GetRequiredService<ResourceOwners>().FindAsync(target.Kind, target.Id, http.RequestAborted);
        if (owner is null)
        {
            return Results.NotFound();
        }
        if (owner.NetworkId is { } networkId)
        {
            var grant = await http.RequestServices.GetRequiredService<OrganizationAccess>().NetworkAsync(networkId, caller, http.RequestAborted);
            if (grant is null)
            {
                return Results.NotFound();
            }
            http.Items[typeof(NetworkGrant)] = grant;
            var allowed = need switch
            {
                AccessRight.View => true,
                AccessRight.Operate => grant.CanOperate,
                AccessRight.OperateAny => grant.CanOperateAny,
                _ => grant.CanDevelop,
            };
            return allowed ? await next(context) : Forbidden(need, "the network's organization");
        }
        var org = owner.OrganizationId!;
        if (!caller.IsAdmin && !caller.IsMember(org))
        {
            return Results.NotFound();
        }
        var ok = need switch
        {
            AccessRight.View => true,
            AccessRight.Develop => caller.CanDevelopIn(org),
            _ => caller.CanOperateIn(org),
        };
        return ok ? await next(context) : Forbidden(need, "the organization that owns it");
    });

    /// <summary>The network grant the filter found for this request (endpoints under a network route).</summary>
    public static NetworkGrant Grant(this HttpContext http) =>
        http.Items[typeof(NetworkGrant)] as NetworkGrant ?? throw new InvalidOperationException("No network access was checked for this endpoint.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Forbidden(AccessRight need, string whose) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: need switch
            {
                AccessRight.Develop => $"Your roles in {whose} do not include Developer or Owner.",
                _ => $"Your roles in {whose} do not include Operator or Owner.",
            });

    private static (ResourceKind Kind, string Id)? Resolve(RoutePattern pattern, HttpContext http)
    {
        var segments = pattern.PathSegments.Select(s => s.Parts.Count == 1 ? s.Parts[0] : null).ToList();
        string? Value(string name) => http.GetRouteValue(name)?.ToString();
        if (pattern.GetParameter("networkId") is not null)
        {
            return (ResourceKind.Network, Value("networkId") ?? "");
        }
        if (pattern.GetParameter("projectId") is not null)
        {
            return (ResourceKind.Project, Value("projectId") ?? "");
        }
        // "/api/v1/{collection}/{id}...": the collection decides the kind.
        if (segments.Count >= 4 && segments[2] is RoutePatternLiteralPart collection && segments[3] is RoutePatternParameterPart parameter)
        {
            var id = Value(parameter.Name) ?? "";
            ResourceKind? kind = collection.Content switch
            {
                "networks" => ResourceKind.Network,
                "contracts" => ResourceKind.Project,
                "alert-rules" => ResourceKind.AlertRule,
                "alerts" => ResourceKind.Alert,
                "test-runs" => ResourceKind.TestRun,
                "scans" => ResourceKind.Scan,
                "workloads" => ResourceKind.Workload,
                _ => null,
            };
            return kind is { } k ? (k, id) : null;
        }
        return null;
    }
}
