using System.Security.Claims;
using NutPortal.Core.Identity;

namespace NutPortal.Web.Api;

internal static class TokenEndpoints
{
    public sealed record TokenResponse(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    public sealed record CreateTokenRequest(string? Name);

    public sealed record CreatedTokenResponse(Guid Id, string Name, string Prefix, string Token);

    public static void MapTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Account");
        tokens.MapGet("/", async (ClaimsPrincipal user, ApiTokenService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ListAsync(UserId(user), ct)).Select(ToResponse)))
            .WithSummary("The caller's API tokens (secrets are never returned)");

        tokens.MapPost("/", async (CreateTokenRequest request, ClaimsPrincipal user, ApiTokenService service, CancellationToken ct) =>
            {
                var name = request.Name?.Trim() ?? "";
                if (name.Length is 0 or > 100)
                {
                    return FieldErrors.Single("name", "A token name is 1 to 100 characters.");
                }
                var created = await service.CreateAsync(UserId(user), name, ct);
                return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}",
                    new CreatedTokenResponse(created.Token.Id, created.Token.Name, created.Token.Prefix, created.Secret));
            })
            .WithSummary("Create a token; its secret is in this response only");

        tokens.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, ApiTokenService service, CancellationToken ct) =>
                await service.RevokeAsync(UserId(user), id, ct) ? Results.NoContent() : Results.NotFound())
            .WithSummary("Revoke one of the caller's tokens");
    }

    internal static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without an id claim.");

    private static TokenResponse ToResponse(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.RevokedAt);
}
