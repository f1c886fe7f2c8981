using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Alerts;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Monitoring;

/// <summary>Two portal replicas on one database: one collects and evaluates alerts; the other takes over when it stops.</summary>
public sealed class MonitoringReplicaTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_replicas_collect_and_alert_once_and_the_second_takes_over_when_the_first_stops(string provider)
    {
        var first = Fast(PortalFactory.On(TestDatabase.Create(provider)));
        using var firstClient = first.CreateAdminClient();
        var firstLease = first.Services.GetRequiredService<MonitoringLease>();
        await Eventually.HoldsAsync(async () => await firstLease.CurrentHolderAsync(CancellationToken.None) == firstLease.Holder, "the first replica never held the lease");
        using var second = Fast(PortalFactory.RestartOf(first));
        using var client = second.CreateAdminClient();
        var secondLease = second.Services.GetRequiredService<MonitoringLease>();
        try
        {
            var id = (await CreateAsync(firstClient, Profile("replicas"))).GetProperty("id").GetString()!;
            await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
            var rule = await client.PostAsJsonAsync("/api/v1/alert-rules",
                new { name = "replicas", networkId = id, metric = "blockHeight", comparator = ">=", threshold = 0, forSeconds = 0, severity = "info", channels = Array.Empty<object>() });
            var ruleId = (await rule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            await Alerts.AlertFiringTests.WaitForAlertAsync(client, ruleId, "firing", TimeSpan.FromSeconds(30));

            // Both replicas run a collector every second: over 6 s, one collector writes ~6 block heights, two ~12.
            await Task.Delay(TimeSpan.FromSeconds(7));
            var samples = await HeightSamplesAsync(second, id, DateTime.UtcNow.AddSeconds(-6));
            Assert.InRange(samples, 1, 8);
            Assert.Single(await AlertsAsync(second, ruleId));
            Assert.Equal(firstLease.Holder, await secondLease.CurrentHolderAsync(CancellationToken.None));

            // The first replica stops: it gives the lease up and the second one collects from then on.
            await first.DisposeAsync();
            await Eventually.HoldsAsync(async () => await secondLease.CurrentHolderAsync(CancellationToken.None) == secondLease.Holder, "the second replica never took over");
            var takenOver = DateTime.UtcNow;
            await Eventually.HoldsAsync(async () => await HeightSamplesAsync(second, id, takenOver) >= 2, "the second replica never collected");
            Assert.Single(await AlertsAsync(second, ruleId));
            Assert.True((await client.DeleteAsync($"/api/v1/networks/{id}")).IsSuccessStatusCode);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    private static PortalFactory Fast(PortalFactory portal) => portal
        .WithSetting("Portal:Monitoring:SampleIntervalSeconds", "1")
        .WithSetting("Portal:Monitoring:LeaseSeconds", "5")
        .WithSetting("Portal:Alerts:EvaluationIntervalSeconds", "1");

    private static async Task<int> HeightSamplesAsync(PortalFactory portal, string networkId, DateTime since)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.MetricSamples.CountAsync(s => s.NetworkId == networkId && s.Metric == Metrics.BlockHeight && s.Resolution == MetricSample.Raw && s.Time >= since);
    }

    private static async Task<List<Alert>> AlertsAsync(PortalFactory portal, long ruleId)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().Where(a => a.RuleId == ruleId).ToListAsync();
    }
}
