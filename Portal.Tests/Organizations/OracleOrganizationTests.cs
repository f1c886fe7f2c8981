using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Oracle;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Web.Oracle;

namespace NutPortal.Tests.Organizations;

/// <summary>The oracle follows organizations: requests on another organization's network are neither sent nor seen.</summary>
public sealed class OracleOrganizationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Oracle_requests_and_deployments_of_another_organizations_network_do_not_exist_for_a_caller()
    {
        var a = await Tenants.CreateOrganizationAsync(portal, $"Oracle A {Guid.NewGuid():N}");
        var b = await Tenants.CreateOrganizationAsync(portal, $"Oracle B {Guid.NewGuid():N}");
        using var operatorA = await Tenants.UserAsync(portal, a, "Operator");
        using var memberA = await Tenants.UserAsync(portal, a, "Member");
        using var operatorB = await Tenants.UserAsync(portal, b, "Owner", "Operator");
        var network = $"orc{Guid.NewGuid():N}"[..20];
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Networks.Add(new Network { Id = network, Name = network, Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Stopped, OrganizationId = a });
            await db.SaveChangesAsync();
        }
        var oracle = portal.Services.GetRequiredService<OracleService>();
        var access = portal.Services.GetRequiredService<OrganizationAccess>();
        // A refused address is still stored as a failed request: enough to have a log entry.
        var submission = new OracleSubmission(network, "http://127.0.0.1:9/price");

        var mine = await oracle.SubmitAsync(await OracleCallers.FromAsync(Principal(operatorA), access, default), submission, CancellationToken.None);
        var theirs = await oracle.SubmitAsync(await OracleCallers.FromAsync(Principal(operatorB), access, default), submission, CancellationToken.None);

        Assert.NotNull(mine.Request);
        Assert.Null(theirs.Request);
        Assert.Contains(theirs.Errors, e => e.Message == $"No network '{network}'.");
        var id = mine.Request.Id;
        Assert.Equal(HttpStatusCode.OK, (await operatorA.Client.GetAsync($"/api/v1/oracle/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorB.Client.GetAsync($"/api/v1/oracle/requests/{id}")).StatusCode);
        var listed = await operatorB.Client.GetFromJsonAsync<JsonElement>($"/api/v1/oracle/requests?network={network}");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await operatorB.Client.PostAsync($"/api/v1/networks/{network}/oracle", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberA.Client.PostAsync($"/api/v1/networks/{network}/oracle", null)).StatusCode);
    }

    private static ClaimsPrincipal Principal(TenantUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email), new Claim(ClaimTypes.Role, "Operator")], "test"));
}
