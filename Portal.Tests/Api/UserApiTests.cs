using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Api;

public sealed class UserApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_admin_creates_a_user_whose_token_is_refused_admin_endpoints()
    {
        using var admin = portal.CreateAdminClient();
        var email = $"op-{Guid.NewGuid():N}@example.test";

        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, password = "Operator-pass-1", roles = new[] { "Operator" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var operatorClient = await SignedInClientAsync(email, "Operator-pass-1");
        var me = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["Operator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var forbidden = await operatorClient.GetAsync("/api/v1/users");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_user_input_names_each_field()
    {
        using var admin = portal.CreateAdminClient();

        var badEmail = await admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", password = "Some-pass-123", roles = new[] { "User" } });
        var badRole = await admin.PostAsJsonAsync("/api/v1/users", new { email = "x@example.test", password = "Some-pass-123", roles = new[] { "Wizard" } });
        var weakPassword = await admin.PostAsJsonAsync("/api/v1/users", new { email = "y@example.test", password = "short", roles = new[] { "User" } });

        Assert.True((await Errors(badEmail)).TryGetProperty("email", out _));
        Assert.True((await Errors(badRole)).TryGetProperty("roles", out _));
        Assert.True((await Errors(weakPassword)).TryGetProperty("password", out _));
    }

    [Fact]
    public async Task The_last_admin_cannot_lose_the_admin_role()
    {
        using var admin = portal.CreateAdminClient();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/me");

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{me.GetProperty("id").GetString()}/roles", new { roles = new[] { "User" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("last Admin", (await Errors(response)).GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var admin = portal.CreateAdminClient();
        var email = $"lock-{Guid.NewGuid():N}@example.test";
        await admin.PostAsJsonAsync("/api/v1/users", new { email, password = "Right-pass-123", roles = new[] { "User" } });
        using var browserLike = portal.CreateAnonymousClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Wrong email or password", await SignIn.PostAsync(browserLike, email, "wrong-password"), StringComparison.Ordinal);
        }
        var fifth = await SignIn.PostAsync(browserLike, email, "wrong-password");
        var rightPassword = await SignIn.PostAsync(browserLike, email, "Right-pass-123");

        Assert.Contains("locked after repeated failed sign-ins", fifth, StringComparison.Ordinal);
        Assert.Contains("locked after repeated failed sign-ins", rightPassword, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInClientAsync(string email, string password)
    {
        var client = portal.CreateAnonymousClient();
        var page = await SignIn.PostAsync(client, email, password);
        Assert.DoesNotContain("Wrong email or password", page, StringComparison.Ordinal);
        return client;
    }

    private static async Task<JsonElement> Errors(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
