using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

public sealed class NetworkLifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_network_deploys_through_every_step_and_produces_blocks()
    {
        using var client = portal.CreateAdminClient();

        var created = await CreateAsync(client, Profile("lifecycle-a"));
        var id = created.GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");
        var later = await WaitForAsync(client, id, n => Height(n) > Height(running) + 1, TimeSpan.FromSeconds(20), "blocks");

        var steps = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/deployment");
        Assert.Equal(["validate", "allocate", "start nodes", "wait for RPC", "fund accounts", "verify chain id and block production"],
            steps.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.All(steps.EnumerateArray(), s => Assert.Equal("Succeeded", s.GetProperty("status").GetString()));
        Assert.Equal("Up", NodeStatus(later));
        Assert.Equal("anvil/v1.7.1", Node(later).GetProperty("version").GetString());
        var accounts = await client.GetFromJsonAsync<string[]>($"/api/v1/networks/{id}/accounts");
        Assert.Equal(2, accounts!.Length);
        Assert.Equal("0x2b5e3af16b1880000", await BalanceAsync(Node(later).GetProperty("rpcUrl").GetString()!, accounts[0]));
    }

    [Fact]
    public async Task A_killed_node_is_marked_down_quickly_and_restarted_with_its_blocks()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("lifecycle-kill"))).GetProperty("id").GetString()!;
        var before = await WaitForAsync(client, id, n => Status(n) == "Running" && Height(n) >= 3, Deploy, "three blocks");
        var pidsBefore = LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", id));

        Assert.Single(pidsBefore);
        System.Diagnostics.Process.GetProcessById(pidsBefore[0]).Kill();
        var down = await WaitForAsync(client, id, n => NodeStatus(n) != "Up", TimeSpan.FromSeconds(5), "Down within 5 s");
        var back = await WaitForAsync(client, id, n => NodeStatus(n) == "Up", TimeSpan.FromSeconds(30), "restarted");

        Assert.Contains(NodeStatus(down), new[] { "Down", "Starting" });
        Assert.True(Height(back) >= Height(before), $"height went from {Height(before)} to {Height(back)}: blocks were lost");
        Assert.Equal(1, Node(back).GetProperty("restartCount").GetInt32());
        Assert.Contains("auto-restart", await WaitForAuditAsync(client, id, "auto-restart", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Deleting_a_network_stops_its_process_and_frees_its_port()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("lifecycle-delete"))).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");
        var port = new Uri(Node(running).GetProperty("rpcUrl").GetString()!).Port;

        var response = await client.DeleteAsync($"/api/v1/networks/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", id)));
        Assert.False(Directory.Exists(Path.Combine(portal.DataDirectory, "networks", id)));
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Two_deployments_started_together_get_different_ports()
    {
        using var client = portal.CreateAdminClient();

        var created = await Task.WhenAll(CreateAsync(client, Profile("together-1")), CreateAsync(client, Profile("together-2")));
        var networks = await Task.WhenAll(created.Select(c => WaitForAsync(client, c.GetProperty("id").GetString()!, n => Status(n) == "Running", Deploy, "Running")));

        var urls = networks.Select(n => Node(n).GetProperty("rpcUrl").GetString()).ToList();
        Assert.Equal(2, urls.Distinct().Count());
    }

    private static async Task<string> BalanceAsync(string rpcUrl, string address)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync(rpcUrl, new { jsonrpc = "2.0", id = 1, method = "eth_getBalance", @params = new[] { address, "latest" } });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result").GetString()!;
    }
}
