using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task On_a_shared_network_each_organization_hears_only_of_its_own_alerts()
    {
        var a = await Organizations.Tenants.CreateOrganizationAsync(portal, $"Hub Op {Guid.NewGuid():N}");
        var bName = $"Hub Member {Guid.NewGuid():N}";
        var b = await Organizations.Tenants.CreateOrganizationAsync(portal, bName);
        using var ownerA = await Organizations.Tenants.UserAsync(portal, a, "Owner");
        using var ownerB = await Organizations.Tenants.UserAsync(portal, b, "Owner");
        var network = await Networks.NetworkApi.CreateAsync(ownerA.Client, new { name = "hub-shared", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1 } });
        var id = network.GetProperty("id").GetString()!;
        var invited = await ownerA.Client.PostAsJsonAsync($"/api/v1/networks/{id}/invitations", new { organization = bName });
        var invitationId = (await invited.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("invitationId").GetString();
        Assert.True((await ownerB.Client.PostAsync($"/api/v1/consortium-invitations/{invitationId}/accept", null)).IsSuccessStatusCode);

        await using var operatorSide = Connect(ownerA.Client.DefaultRequestHeaders.Authorization!.Parameter!);
        await using var memberSide = Connect(ownerB.Client.DefaultRequestHeaders.Authorization!.Parameter!);
        var heardByA = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var heardByB = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        operatorSide.On<System.Text.Json.JsonElement>("alertChanged", e => heardByA.TrySetResult(e.GetProperty("alertId").GetInt64()));
        memberSide.On<System.Text.Json.JsonElement>("alertChanged", e => heardByB.TrySetResult(e.GetProperty("alertId").GetInt64()));
        await operatorSide.StartAsync();
        await memberSide.StartAsync();
        await operatorSide.InvokeAsync("JoinNetwork", id);
        await memberSide.InvokeAsync("JoinNetwork", id);

        // A's alert first, then B's: B's first message must be its own, A's first must be its own.
        var notifier = portal.Services.GetRequiredService<NutPortal.Core.Live.LiveNotifier>();
        await notifier.PublishAsync(new NutPortal.Core.Alerts.AlertChanged(1, 1, id, NutPortal.Core.Alerts.AlertState.Firing, a));
        await notifier.PublishAsync(new NutPortal.Core.Alerts.AlertChanged(2, 2, id, NutPortal.Core.Alerts.AlertState.Firing, b));
        Assert.Equal(1, await heardByA.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(2, await heardByB.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    private HubConnection Connect(string token) => LiveHubClient.Connect(portal.Address, token);
}
