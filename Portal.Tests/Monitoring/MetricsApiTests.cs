using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Networks;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Monitoring;

public sealed class MetricsApiTests(MonitoringPortalFactory portal) : IClassFixture<MonitoringPortalFactory>
{
    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_running_network_reports_chain_and_node_metrics_with_the_transactions_it_carried()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("mon-metrics"))).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");
        var nodeId = Node(running).GetProperty("id").GetString()!;

        // The collector's first round is a baseline; a tps value means the next blocks are measured.
        await WaitForPointsAsync(client, id, "tps", p => p.Length > 0);
        await ChainTraffic.SendTransfersAsync(portal, id, 5);
        var tps = await WaitForPointsAsync(client, id, "tps", p => p.Any(x => x.GetProperty("value").GetDouble() > 0));

        var perBlock = await PointsAsync(client, id, "transactionsPerBlock");
        var height = await PointsAsync(client, id, "blockHeight");
        var up = await PointsAsync(client, id, "nodeUp");
        var memory = await WaitForPointsAsync(client, id, "memoryBytes", p => p.Length > 0);
        var disk = await PointsAsync(client, id, "diskBytes");
        var cpu = await WaitForPointsAsync(client, id, "cpuPercent", p => p.Length > 0);
        var peers = await PointsAsync(client, id, "peerCount");
        var gas = await PointsAsync(client, id, "gasUsedPercent");

        Assert.Contains(perBlock, p => p.GetProperty("value").GetDouble() >= 1);
        Assert.Contains(gas, p => p.GetProperty("value").GetDouble() > 0);
        Assert.True(height[^1].GetProperty("value").GetDouble() >= 1);
        Assert.False(height[0].TryGetProperty("nodeId", out _));
        Assert.All(up, p => Assert.Equal(nodeId, p.GetProperty("nodeId").GetString()));
        Assert.Equal(1, up[^1].GetProperty("value").GetDouble());
        Assert.All(memory, p => Assert.True(p.GetProperty("value").GetDouble() > 1_000_000));
        Assert.True(disk[^1].GetProperty("value").GetDouble() > 0);
        Assert.All(cpu, p => Assert.True(p.GetProperty("value").GetDouble() >= 0));
        Assert.All(peers, p => Assert.Equal(0, p.GetProperty("value").GetDouble()));
        Assert.EndsWith("Z", tps[0].GetProperty("time").GetString(), StringComparison.Ordinal);
        var stepped = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/networks/{id}/metrics/blockHeight?step=1h");
        Assert.InRange(stepped!.Length, 1, 2);
        Assert.All(stepped, p => Assert.EndsWith(":00:00Z", p.GetProperty("time").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/networks/any/metrics/bogus", "metric")]
    [InlineData("/api/v1/networks/any/metrics/tps?from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z", "from")]
    [InlineData("/api/v1/networks/any/metrics/tps?from=yesterday", "from")]
    [InlineData("/api/v1/networks/any/metrics/tps?step=0", "step")]
    [InlineData("/api/v1/networks/any/metrics/tps?step=5x", "step")]
    [InlineData("/api/v1/networks/any/metrics/tps?step=2d", "step")]
    [InlineData("/api/v1/networks/any/metrics/tps?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=1", "step")]
    public async Task Bad_queries_get_problem_details_naming_the_field(string url, string field)
    {
        using var client = portal.CreateAdminClient();
        await StoppedNetworkAsync("any");  // a network that exists: an unknown one is 404 before its query is read

        var response = await client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_network_has_no_metrics()
    {
        using var client = portal.CreateAdminClient();

        var response = await client.GetAsync("/api/v1/networks/nope/metrics/tps");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task StoppedNetworkAsync(string id)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        if (!await db.Networks.AnyAsync(n => n.Id == id))
        {
            db.Networks.Add(new Network
            {
                Id = id, Name = $"stopped-{id}", Platform = "ethereum-anvil", Driver = "local", Status = NetworkStatus.Stopped, CreatedBy = "test",
                ProfileJson = JsonSerializer.Serialize(new { name = $"stopped-{id}", platform = "ethereum-anvil" }, JsonSerializerOptions.Web),
            });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another case of the theory stored it first.
            }
        }
    }

    internal static async Task<JsonElement[]> PointsAsync(HttpClient client, string id, string metric) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/networks/{id}/metrics/{metric}"))!;

    internal static async Task<JsonElement[]> WaitForPointsAsync(HttpClient client, string id, string metric, Func<JsonElement[], bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var points = await PointsAsync(client, id, metric);
            if (condition(points))
            {
                return points;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{metric} never matched: {JsonSerializer.Serialize(points)}");
            }
            await Task.Delay(250);
        }
    }
}
