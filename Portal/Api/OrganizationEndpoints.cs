using System.Security.Claims;
using NutPortal.Core.Organizations;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>Organizations, their members and invitations, consortium networks, and the caller's current organization.</summary>
internal static class OrganizationEndpoints
{
    public sealed record OrganizationRequest(string? Name);

    public sealed record MemberRequest(string? Email, string[]? Roles);

    public sealed record CurrentRequest(string? OrganizationId);

    public sealed record SignUpRequest(string? DisplayName, string? Password);

    public sealed record NetworkInviteRequest(string? Organization);

    public static void MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        var orgs = api.MapGroup("/organizations").WithTags("Organizations");
        orgs.MapGet("/", async (CallerAccessor callers, OrganizationService service, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(await callers.GetAsync(ct), ct))).WithSummary("The caller's organizations and their roles in each (every organization for an Admin)");
        orgs.MapPost("/", async (OrganizationRequest request, CallerAccessor callers, OrganizationService service, CancellationToken ct) =>
            ToResult(await service.CreateAsync(request.Name, await callers.GetAsync(ct), ct), id => Results.Created($"/api/v1/organizations/{id}", new { id, name = request.Name!.Trim() })))
            .WithSummary("Create an organization (Admin)");
        orgs.MapGet("/{organizationId}/members", async (string organizationId, CallerAccessor callers, OrganizationService service, CancellationToken ct) =>
            await service.MembersAsync(organizationId, await callers.GetAsync(ct), ct) is { } members ? Results.Ok(members) : Results.NotFound())
            .WithSummary("Members and their roles (members of the organization)");
        orgs.MapPut("/{organizationId}/members", async (string organizationId, MemberRequest request, CallerAccessor callers, OrganizationService service, CancellationToken ct) =>
            ToResult(await service.SetMemberAsync(organizationId, request.Email, request.Roles, await callers.GetAsync(ct), ct), id => Results.Ok(new { userId = id })))
            .WithSummary("Give an existing user roles in the organization, replacing their roles there (Owners); Owner, Operator, Developer, Member");
        orgs.MapDelete("/{organizationId}/members/{userId}", async (string organizationId, string userId, CallerAccessor callers, OrganizationService service, CancellationToken ct) =>
            ToResult(await service.RemoveMemberAsync(organizationId, userId, await callers.GetAsync(ct), ct), _ => Results.NoContent()))
            .WithSummary("Remove a member (Owners), or leave (yourself); the last Owner stays");
        orgs.MapPost("/{organizationId}/invitations", async (string organizationId, MemberRequest request, HttpRequest http, CallerAccessor callers, InvitationService invitations, CancellationToken ct) =>
            ToResult(await invitations.InviteAsync(organizationId, request.Email, request.Roles, await callers.GetAsync(ct), ct),
                secret => Results.Ok(new { link = $"{http.Scheme}://{http.Host}/invitations/{secret}", expiresInDays = InvitationService.Lifetime.TotalDays })))
            .WithSummary("Invite an e-mail address with roles (Owners); the link is shown once and works once");
        orgs.MapGet("/{organizationId}/audit", async (string organizationId, int? limit, CallerAccessor callers, OrganizationAudit audit, CancellationToken ct) =>
        {
            var caller = await callers.GetAsync(ct);
            if (!caller.IsAdmin && !caller.IsMember(organizationId))
            {
                return Results.NotFound();
            }
            return caller.IsOwnerOf(organizationId)
                ? Results.Ok(await audit.ReadAsync(organizationId, limit ?? 200, ct))
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the organization's Owners read its audit log.");
        }).WithSummary("Membership, role, invitation and consortium changes, newest first (Owners)");

        api.MapPut("/me/organization", async (CurrentRequest request, CallerAccessor callers, OrganizationService service, CancellationToken ct) =>
            await service.SetCurrentAsync(request.OrganizationId ?? "", await callers.GetAsync(ct), ct) ? Results.NoContent() : Results.NotFound())
            .WithTags("Organizations").WithSummary("Switch the organization you work in (new networks and projects go there; the pages list its things)");

        var invitations = api.MapGroup("/invitations").WithTags("Organizations");
        invitations.MapGet("/{secret}", async (string secret, InvitationService service, CancellationToken ct) =>
            await service.PreviewAsync(secret, ct) is { } view ? Results.Ok(view) : Results.NotFound())
            .AllowAnonymous().WithSummary("What an invitation link offers");
        invitations.MapPost("/{secret}/accept", async (string secret, ClaimsPrincipal user, InvitationService service, CancellationToken ct) =>
            ToResult(await service.AcceptAsync(secret, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct), org => Results.Ok(new { organizationId = org })))
            .WithSummary("Join with the signed-in account the invitation names");
        invitations.MapPost("/{secret}/signup", async (string secret, SignUpRequest request, InvitationService service, CancellationToken ct) =>
            ToResult(await service.SignUpAsync(secret, request.DisplayName, request.Password, ct), id => Results.Ok(new { userId = id })))
            .AllowAnonymous().WithSummary("Create the account the invitation names and join");

        var consortium = api.MapGroup("/networks/{id}").WithTags("Organizations");
        consortium.MapGet("/members", async (string id, CallerAccessor callers, ConsortiumService service, CancellationToken ct) =>
            await service.MembersAsync(id, await callers.GetAsync(ct), ct) is { } members ? Results.Ok(members) : Results.NotFound())
            .WithSummary("The organizations of a consortium network: its operator and the members");
        consortium.MapPost("/invitations", async (string id, NetworkInviteRequest request, CallerAccessor callers, ConsortiumService service, CancellationToken ct) =>
            ToResult(await service.InviteAsync(id, request.Organization, await callers.GetAsync(ct), ct), inv => Results.Ok(new { invitationId = inv })))
            .WithSummary("Invite another organization (by name) into the network (its operator); one of its Owners accepts");
        consortium.MapDelete("/members/{organizationId}", async (string id, string organizationId, CallerAccessor callers, ConsortiumService service, CancellationToken ct) =>
            ToResult(await service.RemoveAsync(id, organizationId, await callers.GetAsync(ct), ct), _ => Results.NoContent()))
            .Needs(AccessRight.View).WithSummary("Remove a member organization (the operator), or leave (the member's Owners); its nodes pass to the operator");

        var pending = api.MapGroup("/consortium-invitations").WithTags("Organizations");
        pending.MapGet("/", async (CallerAccessor callers, ConsortiumService service, CancellationToken ct) =>
            Results.Ok(await service.PendingAsync(await callers.GetAsync(ct), ct))).WithSummary("Open invitations into consortium networks for organizations you own");
        pending.MapPost("/{invitationId}/accept", async (string invitationId, CallerAccessor callers, ConsortiumService service, CancellationToken ct) =>
            ToResult(await service.AcceptAsync(invitationId, await callers.GetAsync(ct), ct), network => Results.Ok(new { networkId = network })))
            .WithSummary("Accept an invitation into a consortium network (an Owner of the invited organization)");
    }

    internal static IResult ToResult(OrganizationResult result, Func<string?, IResult> ok) =>
        result.Succeeded ? ok(result.Id)
        : !result.Found ? Results.NotFound()
        : result.Forbidden ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: result.Errors.Values.First()[0])
        : TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => e.Value), title: "The request has invalid fields");
}
