using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Identity;
using NutPortal.Tests.Live;

namespace NutPortal.Tests.DappStore;

/// <summary>A DApp's live counters come from the explorer's index of its real anvil network and are pushed over the hub.</summary>
public sealed class LiveCounterTests(StoreWorld world) : IClassFixture<StoreWorld>
{
    [Fact]
    public async Task Transactions_to_a_dapps_contract_move_its_live_users_and_24h_count_pushed_over_the_hub()
    {
        var id = await world.PublishedAsync($"Busy {Guid.NewGuid():N}"[..20]);
        var before = await world.Member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/dapps/{id}/stats");
        await using var hub = LiveHubClient.Connect(world.Portal.Address, world.Portal.BootstrapToken);
        var stats = Channel.CreateUnbounded<JsonElement>();
        using var subscription = hub.On<JsonElement>("dappStats", s => stats.Writer.TryWrite(s));
        await hub.StartAsync();
        await hub.InvokeAsync("JoinDapp", id);
        var accounts = await world.Owner.Client.GetFromJsonAsync<string[]>($"/api/v1/networks/{world.NetworkId}/accounts");

        for (var i = 0; i < 3; i++)
        {
            var sent = await world.Owner.Client.PostAsJsonAsync($"/api/v1/networks/{world.NetworkId}/contracts/{world.TokenAddress}/invoke",
                new { function = "transfer", arguments = new[] { accounts![1], "5" } });
            Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }

        var wanted = before.GetProperty("transactions24h").GetInt32() + 3;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonElement pushed;
        do
        {
            pushed = await stats.Reader.ReadAsync(timeout.Token);
            Assert.Equal(id, pushed.GetProperty("dappId").GetString());
        }
        while (pushed.GetProperty("transactions24h").GetInt32() < wanted);
        Assert.Equal(wanted, pushed.GetProperty("transactions24h").GetInt32());
        Assert.True(pushed.GetProperty("liveUsers").GetInt32() >= 1);
        Assert.True(pushed.GetProperty("tps").GetDouble() > 0);
    }

    [Fact]
    public async Task A_user_who_cannot_see_the_network_cannot_join_its_dapps_counters()
    {
        var id = await world.PublishedAsync($"Private {Guid.NewGuid():N}"[..20]);
        var token = await world.Portal.Services.GetRequiredService<ApiTokenService>().CreateAsync(world.Outsider.Id, "hub");
        await using var hub = LiveHubClient.Connect(world.Portal.Address, token.Secret);
        await hub.StartAsync();

        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hub.InvokeAsync("JoinDapp", id));

        Assert.Contains($"No DApp '{id}'", refused.Message);
    }
}
