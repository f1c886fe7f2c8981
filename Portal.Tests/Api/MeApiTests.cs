using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Api;

public sealed class MeApiTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _portal;

    public MeApiTests(PortalFactory portal) => _portal = portal;

    [Fact]
    public async Task Me_without_token_is_401_problem_details()
    {
        using var client = _portal.CreateAnonymousClient();

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Me_with_bootstrap_token_returns_admin_with_all_roles()
    {
        using var client = _portal.CreateAdminClient();

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(PortalFactory.AdminEmail, me.GetProperty("name").GetString());
        var roles = me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("Admin", roles);
        Assert.Equal("Bearer", me.GetProperty("authenticatedBy").GetString());
    }

    [Fact]
    public async Task Data_goes_to_the_configured_data_directory()
    {
        using var client = _portal.CreateAdminClient();
        await client.GetAsync("/api/v1/me");

        Assert.True(File.Exists(Path.Combine(_portal.DataDirectory, "portal.db")));
    }
}
