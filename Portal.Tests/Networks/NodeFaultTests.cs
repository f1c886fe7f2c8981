using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NutPortal.Core.Networks;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

/// <summary>
/// Faults around Neo and Litecoin deployments a user meets: the engine missing, node ports held by another program,
/// a node killed while the deployment waits for it. Each ends in a clear state, never a network stuck Deploying.
/// </summary>
public sealed class NodeFaultTests
{
    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_neo_network_without_neo_express_fails_its_allocate_step_naming_dotnet_tool_restore_and_can_be_deleted()
    {
        await using var portal = new PortalFactory().WithSetting("Portal:Networks:NeoExpressPath", "/nonexistent/neoxp.dll");
        using var client = portal.CreateAdminClient();
        var id = await CreateNeoAsync(client, "neo-missing", 4);

        var failed = await WaitForAsync(client, id, n => Status(n) == "Failed", TimeSpan.FromSeconds(30), "Failed");

        var steps = await StepsAsync(client, id);
        Assert.Equal("Failed", steps[DeploymentPlan.Allocate].GetProperty("status").GetString());
        Assert.Contains("neo-express 3.5.20 is not installed (no /nonexistent/neoxp.dll)", steps[DeploymentPlan.Allocate].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("dotnet tool restore", steps[DeploymentPlan.Allocate].GetProperty("hint").GetString(), StringComparison.Ordinal);
        Assert.Equal("Skipped", steps[DeploymentPlan.StartNodes].GetProperty("status").GetString());
        Assert.All(Nodes(failed), n => Assert.Equal("Failed", n.GetProperty("status").GetString()));
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", id)));
        await DeleteAsync(client, id);
    }

    [Fact]
    public async Task Ports_another_program_holds_are_skipped_by_new_neo_and_litecoin_nodes_and_named_when_a_node_restarts()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreateAdminClient();
        var start = portal.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.PortRangeStart;
        // Held: the range's first port (an RPC port), start + 2 (so no block may begin at start + 1 or + 2 either) and
        // start + 7 (the P2P port of the block after the first node's). The first free blocks begin at start + 3 and + 8.
        int[] held = [start, start + 2, start + 7];
        var listeners = held.Select(p => new TcpListener(IPAddress.Loopback, p)).ToList();
        listeners.ForEach(l => l.Start());
        try
        {
            var neo = await CreateNeoAsync(client, "neo-ports", 1);
            var litecoin = (await CreateAsync(client, new
            {
                name = "ltc-ports", platform = "litecoin", nodeCount = 1, consensus = "pow", blockIntervalSeconds = 1, accounts = new { count = 0 },
            })).GetProperty("id").GetString()!;

            foreach (var id in new[] { neo, litecoin })
            {
                var running = await WaitForAsync(client, id, n => Status(n) is "Running" or "Failed", Deploy, "the end of the deployment");
                Assert.True(Status(running) == "Running", (await StepsAsync(client, id)).Values.Select(s => s.ToString()).Aggregate((a, b) => a + "\n" + b));
                var port = new Uri(Node(running).GetProperty("rpcUrl").GetString()!).Port;
                Assert.DoesNotContain(held, p => p >= port && p < port + PortAllocator.PortsPerNode);
                Assert.Contains(port, new[] { start + 3, start + 8 });
            }

            // A program that takes a stopped node's recorded port is named when the node is started again.
            var node = Node(await GetAsync(client, litecoin));
            var operations = $"/api/v1/networks/{litecoin}/nodes/{node.GetProperty("id").GetString()}";
            Assert.True((await client.PostAsync(operations + "/stop", null)).IsSuccessStatusCode);
            var taken = new TcpListener(IPAddress.Loopback, new Uri(node.GetProperty("rpcUrl").GetString()!).Port);
            taken.Start();
            listeners.Add(taken);
            var refused = await client.PostAsync(operations + "/start", null);
            Assert.False(refused.IsSuccessStatusCode);
            Assert.Contains($"node-1 cannot start: its port {((IPEndPoint)taken.LocalEndpoint).Port} is in use by process {Environment.ProcessId} (",
                await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            taken.Stop();
            Assert.True((await client.PostAsync(operations + "/start", null)).IsSuccessStatusCode);
            await WaitForAsync(client, litecoin, n => Status(n) == "Running", Deploy, "Running again once the port is free");
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    [Fact]
    public async Task A_node_killed_while_the_deployment_waits_for_it_fails_the_deployment_naming_the_node_and_leaves_nothing_running()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreateAdminClient();
        var neo = await CreateNeoAsync(client, "neo-killed", 4);
        var litecoin = (await CreateAsync(client, new
        {
            name = "ltc-killed", platform = "litecoin", nodeCount = 2, consensus = "pow", blockIntervalSeconds = 1, accounts = new { count = 0 }, restartPolicy = "never",
        })).GetProperty("id").GetString()!;

        // node-2's own process (the engine itself, past setsid and sh) is killed as soon as it runs: the deployment
        // has not finished, since it waits for every node's RPC and then for a block on all of them.
        await Task.WhenAll(
            KillOnceRunningAsync(Path.Combine(portal.DataDirectory, "networks", neo, "node-2"), "dotnet "),
            KillOnceRunningAsync(Path.Combine(portal.DataDirectory, "networks", litecoin, "node-2"), "/usr/lib/litecoin/litecoind "));

        foreach (var id in new[] { neo, litecoin })
        {
            var failed = await WaitForAsync(client, id, n => Status(n) is "Failed" or "Running", Deploy, "the end of the deployment");
            Assert.Equal("Failed", Status(failed));
            var step = (await StepsAsync(client, id)).Values.Single(s => s.GetProperty("status").GetString() == "Failed");
            Assert.Contains("node-2", step.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("node-2", failed.GetProperty("statusMessage").GetString(), StringComparison.Ordinal);
            Assert.All(Nodes(failed), n => Assert.Equal("Failed", n.GetProperty("status").GetString()));
            Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", id) + "/"));
            await DeleteAsync(client, id);
        }
    }

    private static async Task<string> CreateNeoAsync(HttpClient client, string name, int nodes) =>
        (await CreateAsync(client, new
        {
            name, platform = "neo-express", nodeCount = nodes, consensus = "dbft", blockIntervalSeconds = 1, chainId = 860833102,
            accounts = new { count = 0 }, restartPolicy = "never",
        })).GetProperty("id").GetString()!;

    private static async Task<Dictionary<string, JsonElement>> StepsAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/deployment")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s, StringComparer.Ordinal);

    private static async Task DeleteAsync(HttpClient client, string id)
    {
        Assert.True((await client.DeleteAsync($"/api/v1/networks/{id}")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{id}")).StatusCode);
    }

    /// <summary>Polls /proc for the node's engine process (its command line names the node's folder), then kills it.</summary>
    private static async Task KillOnceRunningAsync(string nodeFolder, string engine)
    {
        var deadline = DateTime.UtcNow + Deploy;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var pid in LeftoverProcesses.Under(nodeFolder))
            {
                if (CommandLine(pid).StartsWith(engine, StringComparison.Ordinal))
                {
                    System.Diagnostics.Process.GetProcessById(pid).Kill();
                    return;
                }
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"No {engine.Trim()} process for {nodeFolder} within {Deploy.TotalSeconds} s.");
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
