using NutPortal.Core.Identity;
using NutPortal.Web.Account;

namespace NutPortal.Web.Api;

internal static class UserEndpoints
{
    public sealed record CreateUserRequest(string? Email, string? Password, string? DisplayName, IReadOnlyList<string>? Roles);

    public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", async (UserAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)))
            .WithSummary("All users with their roles (Admin)");

        users.MapPost("/", async (CreateUserRequest request, UserAdministration admin) =>
            {
                var (result, user) = await admin.CreateAsync(request.Email, request.Password, request.Roles ?? [], request.DisplayName);
                return result.Succeeded
                    ? Results.Created($"/api/v1/users/{user!.Id}", user)
                    : TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => e.Value));
            })
            .WithSummary("Create a user with roles (Admin)");

        users.MapPut("/{id}/roles", async (string id, SetRolesRequest request, UserAdministration admin) =>
            {
                var result = await admin.SetRolesAsync(id, request.Roles ?? []);
                return result.Succeeded ? Results.NoContent()
                    : result.Errors.ContainsKey("id") ? Results.NotFound()
                    : TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => e.Value));
            })
            .WithSummary("Replace a user's roles (Admin)");
    }
}
