using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Persistence;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Alerts;

public sealed class AlertFiringTests(AlertPortalFactory portal) : IClassFixture<AlertPortalFactory>
{
    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_webhook_receives_firing_then_resolved_and_every_transition_is_kept()
    {
        using var receiver = new WebhookReceiver(failFirst: 1);
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("alert-hook"))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");
        var rule = new { name = "chain exists", networkId = id, metric = "blockHeight", comparator = ">=", threshold = 0.0, forSeconds = 0, severity = "critical",
            channels = new[] { new { type = "webhook", url = receiver.Url } } };

        var created = await client.PostAsJsonAsync("/api/v1/alert-rules", rule);
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var firing = await receiver.WaitForAsync(b => b.GetProperty("state").GetString() == "firing", TimeSpan.FromSeconds(30));
        var listedFiring = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/alerts?state=firing");
        var update = await client.PutAsJsonAsync($"/api/v1/alert-rules/{ruleId}", rule with { threshold = 1e15 });
        var resolved = await receiver.WaitForAsync(b => b.GetProperty("state").GetString() == "resolved", TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(ruleId, firing.GetProperty("ruleId").GetInt64());
        Assert.Equal("critical", firing.GetProperty("severity").GetString());
        Assert.True(firing.GetProperty("value").GetDouble() >= 0);
        Assert.True(receiver.Calls >= 3, "the first delivery got 503 and was retried");
        Assert.Contains(listedFiring!, a => a.GetProperty("ruleId").GetInt64() == ruleId && a.GetProperty("startedAt").ValueKind == JsonValueKind.String);
        var alertId = resolved.GetProperty("alertId").GetInt64();
        var listedResolved = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/alerts?state=resolved");
        Assert.Contains(listedResolved!, a => a.GetProperty("id").GetInt64() == alertId);
        var transitions = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/alerts/{alertId}/transitions"))!
            .Select(t => $"{t.GetProperty("from").GetString()}->{t.GetProperty("to").GetString()}").ToList();
        Assert.Equal(["normal->pending", "pending->firing", "firing->resolved"], transitions);
    }

    [Fact]
    public async Task Killing_the_node_fires_a_node_down_alert_within_two_evaluation_intervals()
    {
        using var client = portal.CreateAdminClient();
        var profile = new { name = "alert-down", platform = "ethereum-anvil", blockIntervalSeconds = 1, restartPolicy = "never", accounts = new { count = 1 } };
        var id = (await CreateAsync(client, profile)).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");
        var nodeId = Node(running).GetProperty("id").GetString()!;
        var created = await client.PostAsJsonAsync("/api/v1/alert-rules",
            new { name = "node down", networkId = id, nodeId, metric = "nodeUp", comparator = "==", threshold = 0, forSeconds = 0, severity = "critical", channels = Array.Empty<object>() });
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var pid = (await db.NetworkNodes.SingleAsync(n => n.Id == nodeId)).ProcessId!.Value;
            var killedAt = DateTime.UtcNow;
            using var process = Process.GetProcessById(pid);
            process.Kill();

            var alert = await WaitForAlertAsync(client, ruleId, "firing", TimeSpan.FromSeconds(30));

            var firingAt = alert.GetProperty("firingAt").GetDateTime().ToUniversalTime();
            Assert.Equal(nodeId, alert.GetProperty("nodeId").GetString());
            Assert.Equal(0, alert.GetProperty("value").GetDouble());
            Assert.True(firingAt - killedAt <= TimeSpan.FromSeconds(2 * AlertPortalFactory.EvaluationSeconds),
                $"fired {(firingAt - killedAt).TotalSeconds:0.0} s after the kill");
        }
        var ack = await client.PostAsync($"/api/v1/alerts/{(await WaitForAlertAsync(client, ruleId, "firing", TimeSpan.FromSeconds(5))).GetProperty("id").GetInt64()}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = await WaitForAlertAsync(client, ruleId, "firing", TimeSpan.FromSeconds(5));
        Assert.Equal("admin@nutportal.local", acknowledged.GetProperty("acknowledgedBy").GetString());
    }

    internal static async Task<JsonElement> WaitForAlertAsync(HttpClient client, long ruleId, string state, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alerts = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/alerts?state={state}"))!;
            if (alerts.FirstOrDefault(a => a.GetProperty("ruleId").GetInt64() == ruleId) is { ValueKind: JsonValueKind.Object } alert)
            {
                return alert;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {state} alert for rule {ruleId}: {JsonSerializer.Serialize(alerts)}");
            }
            await Task.Delay(200);
        }
    }
}
