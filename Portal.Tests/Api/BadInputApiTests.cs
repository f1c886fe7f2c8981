using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Api;

public sealed class BadInputApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Malformed_json_gets_problem_details_naming_the_field()
    {
        using var admin = portal.CreateAdminClient();

        var response = await admin.PostAsync("/api/v1/tokens", new StringContent("{\"name\": 12}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.name", out _), problem.ToString());
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_json_gets_problem_details()
    {
        using var admin = portal.CreateAdminClient();

        var response = await admin.PostAsync("/api/v1/tokens", new StringContent("{\"name\": \"x\"", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        using var admin = portal.CreateAdminClient();
        var body = new ByteArrayContent(new byte[9 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");

        var response = await admin.PostAsync("/api/v1/tokens", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("MaxRequestBodyBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_route_is_404_problem_details()
    {
        using var admin = portal.CreateAdminClient();

        var response = await admin.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_shows_the_not_found_page_to_a_signed_in_user()
    {
        using var admin = portal.CreateAdminClient();

        var response = await admin.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var anonymous = portal.CreateAnonymousClient();
        var fields = new Dictionary<string, string> { ["_handler"] = "login", ["Input.Email"] = PortalFactory.AdminEmail, ["Input.Password"] = PortalFactory.AdminPassword };

        var response = await anonymous.PostAsync("/account/login", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("nutportal.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_page_without_sign_in_redirects_to_the_sign_in_page()
    {
        using var anonymous = portal.CreateAnonymousClient();

        var response = await anonymous.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
