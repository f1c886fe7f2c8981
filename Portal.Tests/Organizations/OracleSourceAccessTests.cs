using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Oracle;
using NutPortal.Core.Organizations;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Web.Oracle;

namespace NutPortal.Tests.Organizations;

/// <summary>Network sources follow organizations when a request is made, and a scheduled request's at every run.</summary>
public sealed class OracleSourceAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_scheduled_read_of_another_organizations_network_stops_once_its_user_leaves_that_organization()
    {
        var home = await Tenants.CreateOrganizationAsync(portal, $"Home {Guid.NewGuid():N}");
        var source = await Tenants.CreateOrganizationAsync(portal, $"Source {Guid.NewGuid():N}");
        using var developer = await Tenants.UserAsync(portal, home, "Developer");
        using (var admin = portal.CreateAdminClient())
        {
            (await admin.PutAsJsonAsync($"/api/v1/organizations/{source}/members", new { email = developer.Email, roles = new[] { "Member" } })).EnsureSuccessStatusCode();
        }
        var homeNetwork = await AddNetworkAsync(home);
        var sourceNetwork = await AddNetworkAsync(source);
        var scheduler = portal.Services.GetRequiredService<OracleScheduler>();
        var caller = await OracleCallers.FromAsync(Principal(developer), portal.Services.GetRequiredService<OrganizationAccess>(), default);
        var (schedule, errors) = await scheduler.CreateAsync(caller, new OracleSubmission(homeNetwork, $"portal://{sourceNetwork}/balances/rltc1qxyz", Retries: 0),
            null, "0 0 1 1 *", CancellationToken.None);
        Assert.True(schedule is not null, string.Join("; ", errors.Select(e => e.Message)));

        var whileMember = await scheduler.FireAsync(schedule.Id, CancellationToken.None);
        using (var admin = portal.CreateAdminClient())
        {
            (await admin.DeleteAsync($"/api/v1/organizations/{source}/members/{developer.Id}")).EnsureSuccessStatusCode();
        }
        var afterLeaving = await scheduler.FireAsync(schedule.Id, CancellationToken.None);
        var outsider = await OracleCallers.FromAsync(Principal(developer), portal.Services.GetRequiredService<OrganizationAccess>(), default);
        var (refusedSchedule, refusal) = await scheduler.CreateAsync(outsider, new OracleSubmission(homeNetwork, $"portal://{sourceNetwork}/balances/rltc1qxyz"),
            null, "0 0 1 1 *", CancellationToken.None);
        await scheduler.RemoveAsync(caller, schedule.Id, CancellationToken.None);

        Assert.Matches(@"^Schedule \w+: request \d+ \(", whileMember);
        Assert.Equal($"Schedule {schedule.Id}: refused: network_source.network_id: No network '{sourceNetwork}' visible to the requester's organization.", afterLeaving);
        Assert.Null(refusedSchedule);
        Assert.Contains(refusal, e => e.Field == "network_source.network_id");
    }

    private async Task<string> AddNetworkAsync(string organizationId)
    {
        var id = $"s{Guid.NewGuid():N}"[..12];
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Networks.Add(new Network { Id = id, Name = id, Platform = "litecoin", Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Stopped, OrganizationId = organizationId });
        await db.SaveChangesAsync();
        return id;
    }

    private static ClaimsPrincipal Principal(TenantUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Email), new Claim(ClaimTypes.Role, "Developer")], "test"));
}
