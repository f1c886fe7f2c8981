using NutPortal.Core.Networks;
using NutPortal.Core.Organizations;
using NutPortal.Web.Organizations;
using static NutPortal.Web.Api.OrganizationEndpoints;

namespace NutPortal.Web.Api;

/// <summary>Channels of a consortium, the consortium directory (standard mode), requests to join, and members' accounts.</summary>
internal static class ConsortiumEndpoints
{
    /// <param name="Profile">The channel's own profile; when absent the consortium's profile is used under <paramref name="Name"/>.</param>
    public sealed record ChannelRequest(string? Name, string[]? Organizations, NetworkProfile? Profile);

    public sealed record ListingRequest(bool Listed);

    public sealed record JoinRequest(string? OrganizationId, string? Message);

    public sealed record NodeOwnerRequest(string? OrganizationId);

    public static void MapConsortiumEndpoints(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/networks/{id}").WithTags("Organizations");
        network.MapGet("/channels", async (string id, CallerAccessor callers, ChannelService channels, CancellationToken ct) =>
            await channels.ListAsync(id, await callers.GetAsync(ct), ct) is { } list ? Results.Ok(list) : Results.NotFound())
            .WithSummary("The consortium's channels the caller's organizations belong to (all of them for its operator)");
        network.MapPost("/channels", async (string id, ChannelRequest request, CallerAccessor callers, ChannelService channels, CancellationToken ct) =>
            ToResult(await channels.CreateAsync(id, request.Name, request.Profile, request.Organizations, await callers.GetAsync(ct), ct),
                channel => Results.Accepted($"/api/v1/networks/{channel}", new { networkId = channel })))
            .WithSummary("Deploy a channel: a network of its own for some of the consortium's member organizations (the operator)");
        network.MapPut("/listing", async (string id, ListingRequest request, CallerAccessor callers, JoinRequestService requests, CancellationToken ct) =>
            ToResult(await requests.SetListedAsync(id, request.Listed, await callers.GetAsync(ct), ct), _ => Results.NoContent()))
            .WithSummary("List the consortium in the directory so other organizations may ask to join (standard mode), or take it off");
        network.MapGet("/join-requests", async (string id, CallerAccessor callers, JoinRequestService requests, CancellationToken ct) =>
            await requests.PendingAsync(id, await callers.GetAsync(ct), ct) is { } list ? Results.Ok(list)
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the consortium's operator reads requests to join."))
            .WithSummary("Open requests to join the consortium (its operator)");
        network.MapPut("/nodes/{nodeId}/organization", async (string id, string nodeId, NodeOwnerRequest request, CallerAccessor callers, ConsortiumService consortium, CancellationToken ct) =>
            ToResult(await consortium.AssignNodeAsync(id, nodeId, request.OrganizationId, await callers.GetAsync(ct), ct), _ => Results.NoContent()))
            .WithSummary("Give a node (on Neo, a consensus seat) to a member organization to run, or back to the operator with null (the operator)");
        network.MapGet("/member-accounts", async (string id, MemberAccounts accounts, CancellationToken ct) =>
            Results.Ok(await accounts.AddressesAsync(id, ct)))
            .WithSummary("Each member organization's own funded account on the network (Ethereum), by organization id");
        network.MapPost("/member-accounts/{organizationId}", async (string id, string organizationId, CallerAccessor callers, OrganizationAccess access, MemberAccounts accounts, CancellationToken ct) =>
        {
            var grant = await access.NetworkAsync(id, await callers.GetAsync(ct), ct);
            if (grant is null || !grant.MemberOrganizationIds.Contains(organizationId))
            {
                return Results.NotFound();
            }
            if (!grant.CanOperate && !grant.Caller.CanOperateIn(organizationId))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the member organization's operators or the consortium's operator make its account.");
            }
            return await accounts.EnsureAsync(id, organizationId, ct)
                ? Results.Ok(await accounts.AddressesAsync(id, ct))
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not now", detail: "The network has no running node to fund the account from; start it and try again.");
        }).Needs(AccessRight.OperateAny).WithSummary("Make (and fund) a member organization's own account when it has none yet");

        var directory = api.MapGroup("/consortia").WithTags("Organizations");
        directory.MapGet("/", async (CallerAccessor callers, JoinRequestService requests, CancellationToken ct) =>
            Results.Ok(await requests.DirectoryAsync(await callers.GetAsync(ct), ct)))
            .WithSummary("Consortia listed for joining, with where your current organization stands in each");
        directory.MapPost("/{consortiumId}/join-requests", async (string consortiumId, JoinRequest request, CallerAccessor callers, JoinRequestService requests, CancellationToken ct) =>
            ToResult(await requests.RequestAsync(consortiumId, request.OrganizationId, request.Message, await callers.GetAsync(ct), ct), rid => Results.Ok(new { requestId = rid })))
            .WithSummary("Ask to join a listed consortium for an organization you own (its operator answers)");

        var answers = api.MapGroup("/join-requests").WithTags("Organizations");
        answers.MapPost("/{requestId}/approve", async (string requestId, CallerAccessor callers, JoinRequestService requests, CancellationToken ct) =>
            ToResult(await requests.DecideAsync(requestId, true, await callers.GetAsync(ct), ct), net => Results.Ok(new { networkId = net })))
            .WithSummary("Approve a request to join: the organization becomes a member (the consortium's operator)");
        answers.MapPost("/{requestId}/decline", async (string requestId, CallerAccessor callers, JoinRequestService requests, CancellationToken ct) =>
            ToResult(await requests.DecideAsync(requestId, false, await callers.GetAsync(ct), ct), _ => Results.NoContent()))
            .WithSummary("Decline a request to join (the consortium's operator)");
    }
}
