using System.Security.Claims;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Kubernetes;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Web.Account;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

internal static class NetworkEndpoints
{
    public sealed record SettingsRequest(int? BlockIntervalSeconds, long? BlockGasLimit);

    public sealed record UpgradeRequest(string? Hardfork);

    public static void MapNetworkEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/platforms", (IEnumerable<IBlockchainPlatform> platforms) => TypedResults.Ok(platforms.Select(p => new
        {
            name = p.Name,
            displayName = p.DisplayName,
            description = p.Description,
            capabilities = p.Capabilities,
            facts = p.Facts,
        }))).WithTags("Networks").WithSummary("Platforms: consensus and its parameters, signatures, hashes, node counts, accounts, contracts, and the settings each supports");

        var networks = api.MapGroup("/networks").WithTags("Networks");
        networks.MapGet("/", async (CallerAccessor callers, NetworkCatalog catalog, NetworkResources map, CancellationToken ct) =>
            TypedResults.Ok((await catalog.ListAsync(await callers.GetAsync(ct), ct: ct)).Select(map.From)))
            .WithSummary("The networks of the caller's organizations and the consortium networks shared with them, with their nodes");

        networks.MapPost("/", async (NetworkProfile profile, ClaimsPrincipal user, CallerAccessor callers, NetworkService service, NetworkResources map, CancellationToken ct) =>
        {
            var caller = await callers.GetAsync(ct);
            if (caller.CurrentOrganizationId is not { } organization || !caller.CanOperateIn(organization))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: "Networks are created in your current organization (or the one in the X-Organization header), where you need the Operator or Owner role.");
            }
            var result = await service.CreateAsync(profile, user.Identity?.Name ?? "unknown", organization, ct);
            return result.Network is { } network
                ? Results.Accepted($"/api/v1/networks/{network.Id}", map.From(network))
                : Problem(result.Errors);
        }).RequireAuthorization(Policies.Operate).WithSummary("Create a network from a profile in the current organization; deployment runs in the background");

        networks.MapGet("/{id}", async (string id, NetworkCatalog catalog, NetworkResources map, CancellationToken ct) =>
            await catalog.GetAsync(id, ct) is { } network ? Results.Ok(map.From(network)) : Results.NotFound());

        networks.MapDelete("/{id}", async (string id, ClaimsPrincipal user, NetworkService service, CancellationToken ct) =>
            await service.DeleteAsync(id, user.Identity?.Name ?? "unknown", ct) switch
            {
                DeleteNetworkOutcome.Deleted => Results.NoContent(),
                DeleteNetworkOutcome.HasChannels => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The consortium has channels",
                    detail: "Delete its channels first: they run for some of its members and would be left without their consortium."),
                _ => Results.NotFound(),
            })
            .RequireAuthorization(Policies.Operate).WithSummary("Stop every node and delete the network");

        networks.MapGet("/{id}/deployment", async (string id, NetworkCatalog catalog, CancellationToken ct) =>
        {
            var steps = await catalog.StepsAsync(id, ct);
            return steps.Count == 0 ? Results.NotFound() : Results.Ok(steps.Select(NetworkResources.From));
        }).WithSummary("Deployment steps with their status, timing and hints");

        networks.MapGet("/{id}/audit", async (string id, int? limit, NetworkCatalog catalog, CancellationToken ct) =>
            Results.Ok(await catalog.AuditAsync(id, limit ?? 100, ct))).WithSummary("Who did what to the network, newest first");

        networks.MapGet("/{id}/accounts", async (string id, NetworkCatalog catalog, CancellationToken ct) =>
            Results.Ok(await catalog.AccountAddressesAsync(id, ct))).WithSummary("Funded test account addresses (keys never leave the portal)");

        networks.MapPut("/{id}/settings", async (string id, SettingsRequest request, ClaimsPrincipal user, NodeOperations operations, CancellationToken ct) =>
            ToResult(await operations.ChangeSettingsAsync(id, request.BlockIntervalSeconds, request.BlockGasLimit, user.Identity?.Name ?? "unknown", ct)))
            .RequireAuthorization(Policies.Operate).WithSummary("Change block interval and/or gas limit at run time");

        networks.MapPost("/{id}/nodes/{nodeId}/{operation}", async (string id, string nodeId, string operation, string? hardfork, HttpRequest http, ClaimsPrincipal user, NetworkCatalog catalog, NodeOperations operations, CancellationToken ct) =>
        {
            // The body is optional (only upgrade takes one), so it is read here rather than bound: a bound JSON
            // body would make requests without one miss the route.
            var request = http.HasJsonContentType() && http.ContentLength != 0 ? await http.ReadFromJsonAsync<UpgradeRequest>(ct) : null;
            if (!Enum.TryParse<NodeAction>(operation, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return FieldErrors.Single("operation", "One of: start, stop, restart, upgrade, resync.");
            }
            if (await NodeRefusalAsync(http.HttpContext, catalog, id, nodeId, ct) is { } refusal)
            {
                return refusal;
            }
            return ToResult(await operations.RunAsync(id, nodeId, parsed, request?.Hardfork ?? hardfork, user.Identity?.Name ?? "unknown", ct));
        }).RequireAuthorization(Policies.Operate).Needs(AccessRight.OperateAny)
        .WithSummary("Start, stop, restart, resync (wipe its chain and download it again) or upgrade (hardfork in the body or ?hardfork=) a node");

        networks.MapPost("/{id}/nodes", async (string id, HttpContext http, ClaimsPrincipal user, NodeMembership membership, CancellationToken ct) =>
        {
            var grant = http.Grant();
            var owner = grant.NodeOwnerForNewNode();
            var result = await membership.AddAsync(id, user.Identity?.Name ?? "unknown", owner == grant.OrganizationId ? null : owner, ct);
            return result.Succeeded ? Results.Ok(new { detail = result.Detail, nodeId = result.NodeId }) : ToResult(result);
        }).RequireAuthorization(Policies.Operate).Needs(AccessRight.OperateAny).WithSummary("Add a node: it peers with every node and downloads the chain (platforms that allow it)");

        networks.MapDelete("/{id}/nodes/{nodeId}", async (string id, string nodeId, HttpContext http, ClaimsPrincipal user, NetworkCatalog catalog, NodeMembership membership, CancellationToken ct) =>
            await NodeRefusalAsync(http, catalog, id, nodeId, ct) ?? ToResult(await membership.RemoveAsync(id, nodeId, user.Identity?.Name ?? "unknown", ct)))
            .RequireAuthorization(Policies.Operate).Needs(AccessRight.OperateAny).WithSummary("Stop a node and remove it with its data (platforms that allow it)");

        networks.MapGet("/{id}/manifests", async (string id, string? target, NetworkCatalog catalog, NodeRunner runner, KubernetesManifestRenderer renderer,
            Microsoft.Extensions.Options.IOptions<KubernetesOptions> options, CancellationToken ct) =>
        {
            if (!string.Equals(target ?? "kubernetes", "kubernetes", StringComparison.OrdinalIgnoreCase))
            {
                return FieldErrors.Single("target", "Supported targets: kubernetes.");
            }
            var network = await catalog.GetAsync(id, ct);
            if (network is null)
            {
                return Results.NotFound();
            }
            var platform = runner.PlatformFor(network);
            if (!KubernetesManifestRenderer.CanRender(platform))
            {
                return FieldErrors.Single("target", $"{platform.DisplayName} has no Kubernetes description; there are no Kubernetes manifests for its networks.");
            }
            var yaml = renderer.Render(network, NodeRunner.ReadProfile(network), platform, options.Value);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(yaml), "application/yaml", $"{network.Name.Replace(' ', '-')}-kubernetes.yaml");
        }).WithSummary("Kubernetes manifests (StatefulSet, Service, ConfigMap, PVC per node) for the network");

        networks.MapGet("/{id}/nodes/{nodeId}/logs", async (string id, string nodeId, int? lines, NetworkCatalog catalog, NodeRunner runner, CancellationToken ct) =>
        {
            var network = await catalog.GetAsync(id, ct);
            var node = network?.Nodes.SingleOrDefault(n => n.Id == nodeId);
            return network is null || node is null
                ? Results.NotFound()
                : Results.Ok(runner.DriverFor(network).RecentLogLines(node, Math.Clamp(lines ?? 200, 1, 5000)));
        }).WithSummary("The node's most recent log lines");
    }

    /// <summary>A node is run by its own organization and the consortium operator; anyone else who sees it gets 403.</summary>
    private static async Task<IResult?> NodeRefusalAsync(HttpContext http, NetworkCatalog catalog, string id, string nodeId, CancellationToken ct)
    {
        var node = (await catalog.GetAsync(id, ct))?.Nodes.SingleOrDefault(n => n.Id == nodeId);
        if (node is null)
        {
            return Results.NotFound();
        }
        return http.Grant().CanOperateNode(node) ? null : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: $"{node.Name} is run by another organization of this consortium; only it and the network's operator may change it.");
    }

    private static IResult ToResult(OperationResult result) =>
        !result.Found ? Results.NotFound() : result.Succeeded ? Results.Ok(new { detail = result.Detail }) : Problem(result.Errors);

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem(IReadOnlyList<ProfileError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The profile has invalid fields");
}
