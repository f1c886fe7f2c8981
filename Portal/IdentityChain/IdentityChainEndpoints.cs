using NutPortal.Core.IdentityChain;
using NutPortal.Web.Api;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.IdentityChain;

/// <summary>
/// /api/v1/identity-chains: profiles, their registry deployment, identities, challenges; and each network's identity
/// requirement under /api/v1/networks/{networkId}/identity-requirement. A chain of another organization is not found.
/// </summary>
internal static class IdentityChainEndpoints
{
    private const int MaxProfileBytes = 64 * 1024;

    public static void MapIdentityChainEndpoints(this RouteGroupBuilder api)
    {
        var chains = api.MapGroup("/identity-chains").WithTags("Identity chains");
        chains.MapGet("/", async (CallerAccessor callers, IdentityChainService service, CancellationToken ct) =>
            Results.Ok((await service.ListAsync(await callers.GetAsync(ct), ct)).Select(IdentityChainView.Of)))
            .WithSummary("The identity chains of your organizations");

        chains.MapPost("/", async (HttpContext http, CallerAccessor callers, IdentityChainService service, CancellationToken ct) => await RunAsync(async () =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var buffer = new char[MaxProfileBytes + 1];
            var read = await reader.ReadBlockAsync(buffer, ct);
            if (read > MaxProfileBytes)
            {
                return FieldErrors.Single("profile", $"A profile is at most {MaxProfileBytes} characters.");
            }
            var chain = await service.CreateAsync(await callers.GetAsync(ct), new string(buffer, 0, read), ct);
            return Results.Created($"/api/v1/identity-chains/{chain.Id}", IdentityChainView.Of(chain));
        })).Accepts<IdentityProfile>("application/json").WithSummary("Upload an identity-chain profile (JSON) for the current organization (Owner, Operator); errors name the field");

        chains.MapGet("/{id}", async (string id, CallerAccessor callers, IdentityChainService service, CancellationToken ct) => await RunAsync(async () =>
            Results.Ok(IdentityChainView.Of(await service.GetAsync(await callers.GetAsync(ct), id, ct)))))
            .WithSummary("One identity chain with its profile and deployment status");

        chains.MapPost("/{id}/deploy", async (string id, DeployChainRequest request, CallerAccessor callers, IdentityChainService service, CancellationToken ct) =>
            await RunAsync(async () => Results.Ok(IdentityChainView.Of(await service.DeployAsync(await callers.GetAsync(ct), id, request.NetworkId, ct)))))
            .WithSummary("Compile (solc) and deploy the chain's registry contract on an Ethereum network you may develop on");

        chains.MapGet("/{id}/identities", async (string id, CallerAccessor callers, IdentityRegistration identities, CancellationToken ct) => await RunAsync(async () =>
            Results.Ok((await identities.ListAsync(await callers.GetAsync(ct), id, ct)).Select(IdentityView.Of))))
            .WithSummary("Identities on the chain: all of them for Owners and Operators, your own otherwise");

        chains.MapPost("/{id}/identities", async (string id, RegisterIdentityRequest request, CallerAccessor callers, IdentityRegistration identities, CancellationToken ct) =>
            await RunAsync(async () =>
            {
                var identity = await identities.RegisterAsync(await callers.GetAsync(ct), id, request, ct);
                return Results.Created($"/api/v1/identity-chains/{id}/identities/{identity.Id}", IdentityView.Of(identity));
            }))
            .WithSummary("Register an identity: the profile's fields, your public key, and your signature of a registration challenge");

        chains.MapPost("/{id}/identities/{identityId}/{action:regex(^(suspend|reinstate|revoke)$)}", async (string id, string identityId, string action, CallerAccessor callers,
            IdentityRegistration identities, CancellationToken ct) =>
            await RunAsync(async () => Results.Ok(IdentityView.Of(await identities.SetStatusAsync(await callers.GetAsync(ct), id, identityId, action, ct)))))
            .WithSummary("Suspend, reinstate or revoke an identity in the registry (Owner, Operator)");

        chains.MapPost("/{id}/challenges", async (string id, ChallengeBody body, CallerAccessor callers, IdentityChallengeIssuer issuer, CancellationToken ct) =>
            await RunAsync(async () => Results.Ok(await issuer.IssueAsync(await callers.GetAsync(ct), id, body, ct))))
            .WithSummary("A random nonce, valid for a short time and once: for a transaction (identityId, networkId, transactionHash) or a registration");

        chains.MapGet("/{id}/challenges", async (string id, CallerAccessor callers, IdentityChainService service, IdentityChallenges challenges, CancellationToken ct) =>
            await RunAsync(async () =>
            {
                var caller = await callers.GetAsync(ct);
                var chain = await service.GetAsync(caller, id, ct);
                var recent = await challenges.RecentAsync(id, caller.CanOperateIn(chain.OrganizationId) ? null : caller.UserId, 100, ct);
                return Results.Ok(recent.Select(ChallengeView.Of));
            }))
            .WithSummary("The chain's newest challenges (all for Owners and Operators, your own otherwise); nonces are not shown");

        api.MapGet("/networks/{networkId}/identity-requirement", async (string networkId, IdentityRequirements requirements, CancellationToken ct) =>
            await requirements.GetAsync(networkId, ct) is { } r ? Results.Ok(r) : Results.Ok(new { networkId, identityChainId = (string?)null }))
            .WithTags("Identity chains").WithSummary("Which identity chain the network requires answers from (null: none)");

        api.MapPut("/networks/{networkId}/identity-requirement", async (string networkId, RequirementRequest request, HttpContext http, IdentityRequirements requirements, CancellationToken ct) =>
            await RunAsync(async () => await requirements.SetAsync(http.Grant(), request.IdentityChainId, ct) is { } r
                ? Results.Ok(r) : Results.Ok(new { networkId, identityChainId = (string?)null })))
            .WithTags("Identity chains").WithSummary("Require identity answers from a deployed chain of your organization (null to stop); the network's Operators");
    }

    internal static async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (IdentityChainException e)
        {
            return e.Kind switch
            {
                IdentityChainFailure.NotFound when e.Field == "id" => Results.NotFound(),
                IdentityChainFailure.NotFound => Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
                IdentityChainFailure.Forbidden => Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
                IdentityChainFailure.Invalid => Invalid(e),
                _ => Results.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [e.Field] = [e.Message] } }),
            };
        }
    }

    private static IResult Invalid(IdentityChainException e)
    {
        var errors = new FieldErrors();
        foreach (var error in e.Errors)
        {
            errors.Add(error.Field, error.Message);
        }
        return errors.ToResult();
    }
}
