using Microsoft.AspNetCore.SignalR.Client;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Live;

/// <summary>The live hub follows organizations: a connection joins only networks its user's organizations may see.</summary>
public sealed class LiveHubOrganizationTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [Fact]
    public async Task A_client_joins_only_the_networks_its_organizations_may_see()
    {
        var a = await Organizations.Tenants.CreateOrganizationAsync(portal, $"Hub A {Guid.NewGuid():N}");
        var b = await Organizations.Tenants.CreateOrganizationAsync(portal, $"Hub B {Guid.NewGuid():N}");
        using var ownerA = await Organizations.Tenants.UserAsync(portal, a, "Owner");
        using var ownerB = await Organizations.Tenants.UserAsync(portal, b, "Owner");
        var network = await Networks.NetworkApi.CreateAsync(ownerA.Client, new { name = "hub-private", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } });
        var id = network.GetProperty("id").GetString()!;

        await using var outsider = Connect(ownerB.Client.DefaultRequestHeaders.Authorization!.Parameter!);
        await outsider.StartAsync();
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => outsider.InvokeAsync("JoinNetwork", id));
        Assert.Contains($"No network '{id}'", refused.Message, StringComparison.Ordinal);

        await using var member = Connect(ownerA.Client.DefaultRequestHeaders.Authorization!.Parameter!);
        await member.StartAsync();
        await member.InvokeAsync("JoinNetwork", id);
    }

    private HubConnection Connect(string token) => LiveHubClient.Connect(portal.Address, token);
}
