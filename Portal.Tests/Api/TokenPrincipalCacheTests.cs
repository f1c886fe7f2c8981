using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Identity;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Api;

/// <summary>Token requests reuse a cached principal, yet a revoke, a role change or a lock-out counts on the very next request.</summary>
public sealed class TokenPrincipalCacheTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_revoked_token_is_refused_on_the_next_request()
    {
        var (_, _, token, client) = await UserWithTokenAsync("Operator");
        using var owner = client;
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/v1/me")).StatusCode);

        var revoked = await owner.DeleteAsync($"/api/v1/tokens/{token}");
        var after = await owner.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_role_change_counts_on_the_next_request()
    {
        var (userId, _, _, client) = await UserWithTokenAsync("Operator");
        using var user = client;
        Assert.Contains("Operator", await RolesAsync(user));
        using var admin = portal.CreateAdminClient();

        var changed = await admin.PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles = new[] { "User" } });
        var roles = await RolesAsync(user);

        Assert.True(changed.IsSuccessStatusCode, changed.StatusCode.ToString());
        Assert.Equal(["User"], roles);
    }

    [Fact]
    public async Task A_user_locked_out_by_failed_sign_ins_is_refused_on_the_next_token_request()
    {
        var (_, email, _, client) = await UserWithTokenAsync("Developer");
        using var user = client;
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/me")).StatusCode);

        using var browser = portal.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostAsync(browser, email, "Wrong-password-0");
        }
        var after = await user.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    private static async Task<string[]> RolesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];

    private async Task<(string UserId, string Email, string TokenId, HttpClient Client)> UserWithTokenAsync(string role)
    {
        using var admin = portal.CreateAdminClient();
        var email = $"cache-{Guid.NewGuid():N}@example.test";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = email, password = "Cache-pass-01", roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var token = await portal.Services.GetRequiredService<ApiTokenService>().CreateAsync(userId, "cached");
        var client = portal.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        return (userId, email, token.Token.Id.ToString(), client);
    }
}
