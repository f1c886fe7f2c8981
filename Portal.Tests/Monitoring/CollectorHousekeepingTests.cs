using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Monitoring;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Monitoring;

/// <summary>What a portal left running for months must not accumulate: state of deleted networks.</summary>
public sealed class CollectorHousekeepingTests(MonitoringPortalFactory portal) : IClassFixture<MonitoringPortalFactory>
{
    [Fact]
    public async Task Deleting_a_network_drops_the_latest_values_and_chain_position_the_collector_kept_for_it()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("mon-gone"))).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var nodeId = Node(running).GetProperty("id").GetString()!;
        await MetricsApiTests.WaitForPointsAsync(client, id, "cpuPercent", p => p.Length > 0);
        var latest = portal.Services.GetRequiredService<LatestMetrics>();
        var chain = portal.Services.GetRequiredService<ChainSampler>();
        var processes = portal.Services.GetRequiredService<ProcessSampler>();
        Assert.Contains(id, latest.NetworkIds);
        Assert.Contains(id, chain.Followed);
        Assert.Contains(nodeId, processes.Followed);

        var deleted = await client.DeleteAsync($"/api/v1/networks/{id}");
        await Eventually.HoldsAsync(() => Task.FromResult(!latest.NetworkIds.Contains(id) && !chain.Followed.Contains(id) && !processes.Followed.Contains(nodeId)),
            "The deleted network is still collected or followed.");

        Assert.True(deleted.IsSuccessStatusCode, deleted.StatusCode.ToString());
        Assert.Null(latest.Get(id, nodeId, Metrics.NodeUp));
    }
}
