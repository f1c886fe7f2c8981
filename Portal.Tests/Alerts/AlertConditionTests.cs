using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Monitoring;
using static NutPortal.Tests.Alerts.AlertFiringTests;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Alerts;

public sealed class AlertConditionTests(AlertPortalFactory portal) : IClassFixture<AlertPortalFactory>
{
    [Fact]
    public async Task A_chain_that_stops_advancing_goes_pending_then_firing_and_resolves_when_a_block_arrives()
    {
        using var client = portal.CreateAdminClient();
        // Interval 0: anvil mines only when a transaction arrives, so the chain stands still.
        var id = (await CreateAsync(client, new { name = "alert-stuck", platform = "ethereum-anvil", blockIntervalSeconds = 0, accounts = new { count = 1 } })).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var created = await client.PostAsJsonAsync("/api/v1/alert-rules",
            new { name = "chain stuck", networkId = id, metric = "secondsSinceLastBlock", comparator = ">", threshold = 8, forSeconds = 2, severity = "warning", channels = Array.Empty<object>() });
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var firing = await WaitForAlertAsync(client, ruleId, "firing", TimeSpan.FromSeconds(40));
        // A new block resets the clock; the threshold (8 s) leaves room for an evaluation (every 3 s) before it grows past again.
        await ChainTraffic.SendTransfersAsync(portal, id, 1);
        var resolved = await WaitForAlertAsync(client, ruleId, "resolved", TimeSpan.FromSeconds(30));

        Assert.True(firing.GetProperty("value").GetDouble() > 8);
        Assert.Equal(firing.GetProperty("id").GetInt64(), resolved.GetProperty("id").GetInt64());
        var transitions = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/alerts/{resolved.GetProperty("id").GetInt64()}/transitions"))!
            .Select(t => t.GetProperty("to").GetString()).ToList();
        Assert.Equal(["pending", "firing", "resolved"], transitions);
    }

    [Fact]
    public async Task A_silenced_rule_still_fires_but_sends_no_webhook()
    {
        using var receiver = new WebhookReceiver();
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("alert-silence"))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        object Rule(string name) => new { name, networkId = id, metric = "blockHeight", comparator = ">=", threshold = 0, forSeconds = 0, channels = new[] { new { type = "webhook", url = receiver.Url } } };
        var quiet = (await (await client.PostAsJsonAsync("/api/v1/alert-rules", Rule("quiet"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await client.PostAsJsonAsync($"/api/v1/alert-rules/{quiet}/silence", new { seconds = 600 });

        await WaitForAlertAsync(client, quiet, "firing", TimeSpan.FromSeconds(30));
        var loud = (await (await client.PostAsJsonAsync("/api/v1/alert-rules", Rule("loud"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await receiver.WaitForAsync(b => b.GetProperty("ruleId").GetInt64() == loud, TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(receiver.Received, b => b.GetProperty("ruleId").GetInt64() == quiet);
    }
}
