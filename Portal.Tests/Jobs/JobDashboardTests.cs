using System.Net;
using System.Net.Http.Json;
using NutPortal.Tests.Api;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Jobs;

/// <summary>Hangfire's dashboard at /admin/jobs, through HTTP with each role's sign-in cookie.</summary>
public sealed class JobDashboardTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admins_see_the_dashboard_with_its_commands()
    {
        using var client = await SignedInAsync("Admin");

        var home = await client.GetAsync("/admin/jobs");
        var recurring = await client.GetStringAsync("/admin/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("NutPortal jobs", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("metric-rollup", recurring, StringComparison.Ordinal);
        Assert.Contains("identity-challenge-cleanup", recurring, StringComparison.Ordinal);
        Assert.Contains("js-jobs-list-command", recurring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operators_see_the_dashboard_read_only()
    {
        using var client = await SignedInAsync("Operator");

        var recurring = await client.GetAsync("/admin/jobs/recurring");
        var trigger = await client.PostAsync("/admin/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "metric-rollup")]));

        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        var page = await recurring.Content.ReadAsStringAsync();
        Assert.Contains("metric-rollup", page, StringComparison.Ordinal);
        Assert.DoesNotContain("js-jobs-list-command", page, StringComparison.Ordinal);
        Assert.False(trigger.IsSuccessStatusCode, trigger.StatusCode.ToString());
    }

    [Theory]
    [InlineData("User")]
    [InlineData("Developer")]
    public async Task Other_roles_are_refused(string role)
    {
        using var client = await SignedInAsync(role);

        var response = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        using var client = portal.CreateAnonymousClient();

        var response = await client.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fadmin%2Fjobs", response.Headers.Location!.PathAndQuery);
    }

    private async Task<HttpClient> SignedInAsync(string role)
    {
        using var admin = portal.CreateAdminClient();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        (await admin.PostAsJsonAsync("/api/v1/users", new { email, password = "Dashboard-pass-1", roles = new[] { role } })).EnsureSuccessStatusCode();
        var client = portal.CreateAnonymousClient();
        await SignIn.PostAsync(client, email, "Dashboard-pass-1");
        return client;
    }
}
