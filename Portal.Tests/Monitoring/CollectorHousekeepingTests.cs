using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Jobs;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Alerts;
using NutPortal.Workers.Monitoring;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Monitoring;

/// <summary>What a portal left running for months must not accumulate: state of deleted networks, and run-log rows of quiet evaluations.</summary>
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

    [Fact]
    public async Task Alert_evaluations_that_change_nothing_leave_no_run_record_and_ones_that_do_are_logged()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("mon-runlog"))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var dbFactory = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var created = await client.PostAsJsonAsync("/api/v1/alert-rules",
            new { name = "runlog", networkId = id, metric = "blockHeight", comparator = ">=", threshold = 0, forSeconds = 0, severity = "info", channels = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ruleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await Alerts.AlertFiringTests.WaitForAlertAsync(client, ruleId, "firing", TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(async () => (await RunsAsync(dbFactory)).Count > 0, "No run was recorded.");
        var afterFiring = await RunsAsync(dbFactory);

        // Evaluated every second: five quiet evaluations would have been five rows before.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var later = await RunsAsync(dbFactory);

        Assert.Equal(afterFiring.Count, later.Count);
        Assert.All(later, r => Assert.Equal(JobOutcome.Succeeded, r.Outcome));
        Assert.Contains(later, r => r.Message!.EndsWith("alert(s) changed state.", StringComparison.Ordinal));
    }

    private static async Task<List<JobRun>> RunsAsync(IDbContextFactory<PortalDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.JobRuns.AsNoTracking().Where(r => r.JobName == AlertEvaluationJob.Name).ToListAsync();
    }
}
