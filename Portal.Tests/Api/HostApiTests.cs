using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Api;

public sealed class HostApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_probes_answer_without_sign_in(string path)
    {
        using var anonymous = portal.CreateAnonymousClient();

        var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api_and_needs_sign_in()
    {
        using var anonymous = portal.CreateAnonymousClient();
        using var admin = portal.CreateAdminClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/me", paths);
        Assert.Contains("/api/v1/tokens", paths);
        Assert.Contains("/api/v1/users", paths);
    }

    [Fact]
    public async Task Json_is_camel_case()
    {
        using var admin = portal.CreateAdminClient();

        var json = await admin.GetStringAsync("/api/v1/me");

        Assert.Contains("\"roles\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Roles\"", json, StringComparison.Ordinal);
    }
}
