using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Workers.Monitoring;

namespace NutPortal.Tests.Monitoring;

public sealed class MetricRollupTests(MonitoringPortalFactory portal) : IClassFixture<MonitoringPortalFactory>
{
    [Fact]
    public async Task Old_ranges_are_read_from_minute_averages_and_expired_raw_samples_are_deleted()
    {
        var networkId = "rollup" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTime.UtcNow;
        var twoDaysAgo = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc).AddDays(-2);
        var dbFactory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.Networks.Add(new Network { Id = networkId, Name = networkId, Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Stopped });
            // Two minutes of raw tps two days ago: 10, 20, 30 in the first minute and 40 in the second.
            foreach (var (offset, value) in new[] { (0, 10.0), (20, 20.0), (40, 30.0), (60, 40.0) })
            {
                db.MetricSamples.Add(new MetricSample { NetworkId = networkId, Metric = Metrics.Tps, Time = twoDaysAgo.AddSeconds(offset), Value = value });
            }
            await db.SaveChangesAsync();
        }
        var job = ActivatorUtilities.CreateInstance<MetricRollupJob>(portal.Services);

        var written = await job.RollUpAsync(MetricSample.Raw, MetricSample.Minute, now, CancellationToken.None);
        Assert.True(portal.Services.GetRequiredService<NutPortal.Workers.Jobs.JobHistory>().Trigger(MetricRollupJob.Id));
        using var client = portal.CreateAdminClient();
        var from = Uri.EscapeDataString(twoDaysAgo.AddMinutes(-1).ToString("O"));
        var to = Uri.EscapeDataString(twoDaysAgo.AddMinutes(5).ToString("O"));
        var points = await WaitAsync(async () => (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/networks/{networkId}/metrics/tps?from={from}&to={to}"))!,
            p => p.Length == 2);

        Assert.True(written >= 2);
        Assert.Equal(20, points[0].GetProperty("value").GetDouble());
        Assert.Equal(40, points[1].GetProperty("value").GetDouble());
        Assert.Equal(twoDaysAgo, points[0].GetProperty("time").GetDateTime().ToUniversalTime());
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await WaitAsync(() => db.MetricSamples.CountAsync(s => s.NetworkId == networkId && s.Resolution == MetricSample.Raw), raw => raw == 0);
        }
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await read();
            if (condition(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(200);
        }
    }
}
