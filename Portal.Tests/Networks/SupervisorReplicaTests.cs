using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Leases;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Networks;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

/// <summary>Two portal replicas on one database watch the same nodes: one supervises, the other takes over when it stops.</summary>
public sealed class SupervisorReplicaTests
{
    [Fact]
    public async Task A_killed_node_is_marked_down_and_restarted_once_and_the_second_replica_takes_over_when_the_first_stops()
    {
        var first = new PortalFactory();
        using var firstClient = first.CreateAdminClient();
        var leases = first.Services.GetRequiredService<LeaseKeeper>();
        await Eventually.HoldsAsync(async () => await leases.HolderOfAsync(NodeSupervisor.LeaseName, CancellationToken.None) == leases.Holder, "the first replica never supervised");
        // A replica that starts while another deploys must not take the deployment for one a restart interrupted.
        var id = (await CreateAsync(firstClient, Profile("supervised-once"))).GetProperty("id").GetString()!;
        Assert.Equal("Deploying", Status(await GetAsync(firstClient, id)));
        using var second = PortalFactory.RestartOf(first);
        using var client = second.CreateAdminClient();
        var secondLeases = second.Services.GetRequiredService<LeaseKeeper>();
        try
        {
            var deployed = await WaitForAsync(client, id, n => Status(n) != "Deploying", TimeSpan.FromSeconds(60), "the deployment to end");
            Assert.True(Status(deployed) == "Running", deployed.ToString());
            await WaitForAsync(client, id, n => Height(n) >= 2, TimeSpan.FromSeconds(30), "blocks");

            await KillNodeAsync(first, id);
            await WaitForAsync(client, id, n => NodeStatus(n) == "Up" && Node(n).GetProperty("restartCount").GetInt32() == 1, TimeSpan.FromSeconds(30), "restarted");
            // Both replicas tick every second: a second supervisor would have audited and restarted the node too by now.
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal((1, 1), await DownsAndRestartsAsync(client, id));
            Assert.Equal(1, Node(await GetAsync(client, id)).GetProperty("restartCount").GetInt32());

            // The first replica stops and gives the lease up; the second supervises from then on.
            await first.DisposeAsync();
            await Eventually.HoldsAsync(async () => await secondLeases.HolderOfAsync(NodeSupervisor.LeaseName, CancellationToken.None) == secondLeases.Holder, "the second replica never took over");
            await KillNodeAsync(second, id);
            await WaitForAsync(client, id, n => NodeStatus(n) == "Up" && Node(n).GetProperty("restartCount").GetInt32() == 2, TimeSpan.FromSeconds(30), "restarted by the second replica");
            // The audit entry is written just after the node shows Up again.
            await Eventually.HoldsAsync(async () => (await DownsAndRestartsAsync(client, id)).Restarts >= 2, "the second restart's audit entry");
            Assert.Equal((2, 2), await DownsAndRestartsAsync(client, id));
            Assert.True((await client.DeleteAsync($"/api/v1/networks/{id}")).IsSuccessStatusCode);
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    private static async Task KillNodeAsync(PortalFactory portal, string networkId)
    {
        var pid = Assert.Single(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", networkId)));
        System.Diagnostics.Process.GetProcessById(pid).Kill();
        await Task.CompletedTask;
    }

    private static async Task<(int Downs, int Restarts)> DownsAndRestartsAsync(HttpClient client, string networkId)
    {
        var audit = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{networkId}/audit")).EnumerateArray().ToList();
        return (audit.Count(a => a.GetProperty("action").GetString() == "node down"),
                audit.Count(a => a.GetProperty("action").GetString() == "auto-restart" && a.GetProperty("outcome").GetString() == "succeeded"));
    }
}
