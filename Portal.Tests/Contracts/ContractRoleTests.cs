using System.Net;
using System.Net.Http.Json;
using NutPortal.Tests.Api;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Contracts;

public sealed class ContractRoleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("Developer", HttpStatusCode.OK)]
    [InlineData("Operator", HttpStatusCode.Forbidden)]
    [InlineData("User", HttpStatusCode.Forbidden)]
    public async Task Only_developers_and_admins_use_the_contract_center(string role, HttpStatusCode expected)
    {
        using var admin = portal.CreateAdminClient();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        (await admin.PostAsJsonAsync("/api/v1/users", new { email, password = "Contract-pass-1", roles = new[] { role } })).EnsureSuccessStatusCode();
        using var client = portal.CreateAnonymousClient();
        await SignIn.PostAsync(client, email, "Contract-pass-1");

        var templates = await client.GetAsync("/api/v1/contracts/templates");
        var scan = await client.PostAsJsonAsync("/api/v1/scans", new { source = "" });

        Assert.Equal(expected, templates.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, scan.StatusCode);
    }
}
