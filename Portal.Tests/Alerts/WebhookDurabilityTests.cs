using System.Net.Http.Json;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Alerts;

/// <summary>A webhook delivery is a stored job: a portal that stops while the receiver is down sends it after it starts again.</summary>
public sealed class WebhookDurabilityTests
{
    [Fact]
    public async Task A_webhook_still_failing_when_the_portal_stops_is_delivered_after_it_starts_again()
    {
        using var receiver = new WebhookReceiver(failFirst: int.MaxValue);
        var portal = new AlertPortalFactory().WithSetting("Portal:Alerts:WebhookAttempts", "20");
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("hook-outage"))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var rule = new { name = "chain exists", networkId = id, metric = "blockHeight", comparator = ">=", threshold = 0.0, forSeconds = 0,
            channels = new[] { new { type = "webhook", url = receiver.Url } } };
        (await client.PostAsJsonAsync("/api/v1/alert-rules", rule)).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Calls >= 2), "the firing webhook was never tried (and retried)", TimeSpan.FromSeconds(30));

        // The portal stops mid-retry; the receiver comes back while it is down.
        using var restarted = PortalFactory.RestartOf(portal).WithSetting("Portal:Outbound:AllowedHosts:0", "127.0.0.1");
        await portal.DisposeAsync();
        receiver.Recover();
        using var again = restarted.CreateAdminClient();

        // The rule still holds after the restart, so no new transition is made: only the stored job can send this.
        var firing = await receiver.WaitForAsync(b => b.GetProperty("state").GetString() == "firing", TimeSpan.FromSeconds(60));
        Assert.Equal(id, firing.GetProperty("networkId").GetString());
        var transitions = (await again.GetFromJsonAsync<System.Text.Json.JsonElement[]>($"/api/v1/alerts/{firing.GetProperty("alertId").GetInt64()}/transitions"))!;
        Assert.Single(transitions, t => t.GetProperty("to").GetString() == "firing");
    }
}
