using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Oracle;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

/// <summary>
/// Neo and Litecoin nodes that answer garbage (a fake: a real node cannot be made to) or an HTTP error status: the portal's
/// samples (height, peers, mempool) put an error naming the call on the node's row, metrics go on for every node,
/// the chain browser answers 502 naming the call, and nothing stored changes.
/// </summary>
public sealed class NodeGarbageTests : IAsyncLifetime
{
    private const string ReadFailed = "Reading its chain state failed: ";
    private readonly PortalFactory _portal = new PortalFactory().WithSetting("Portal:Networks:SupervisorIntervalMilliseconds", "200");
    private readonly List<System.Diagnostics.Process> _standIns = [];
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var standIn in _standIns)
        {
            standIn.Kill();
            standIn.Dispose();
        }
        await _server.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Garbage_answers_are_named_on_the_node_while_it_stays_up_and_metrics_go_on_for_every_node()
    {
        var litecoin = await AddNetworkAsync("litecoin", "/garbage-rpc", "/down");
        var neo = await AddNetworkAsync("neo-express", "/garbage-rpc");
        using var client = _portal.CreateAdminClient();

        var sampled = await WaitForAsync(client, litecoin, n => Nodes(n).All(x => x.GetProperty("lastError").GetString() is not null), TimeSpan.FromSeconds(30), "read errors on both nodes");
        var neoSampled = await WaitForAsync(client, neo, n => Node(n).GetProperty("lastError").GetString() is not null, TimeSpan.FromSeconds(30), "a read error on the Neo node");

        Assert.Equal(ReadFailed + "Unexpected getblockchaininfo answer: {\"balance\":\"lots\"}", NodeNamed(sampled, "node-1").GetProperty("lastError").GetString());
        Assert.StartsWith(ReadFailed, NodeNamed(sampled, "node-2").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(ReadFailed + "Unexpected getblockcount answer: {\"balance\":\"lots\"}", Node(neoSampled).GetProperty("lastError").GetString());
        // Nothing stored changes: the network runs, its nodes are up and no height was made up.
        foreach (var network in new[] { sampled, neoSampled })
        {
            Assert.Equal("Running", Status(network));
            Assert.All(Nodes(network), n => Assert.Equal("Up", n.GetProperty("status").GetString()));
            Assert.All(Nodes(network), n => Assert.Equal(-1, HeightOf(n)));
        }
        // The collector goes on: an up point for each node of each network.
        var up = await Monitoring.MetricsApiTests.WaitForPointsAsync(client, litecoin, "nodeUp", p => p.Select(x => x.GetProperty("nodeId").GetString()).Distinct().Count() == 2);
        Assert.All(up, p => Assert.Equal(1, p.GetProperty("value").GetDouble()));
        Assert.NotEmpty(await Monitoring.MetricsApiTests.WaitForPointsAsync(client, neo, "nodeUp", p => p.Length > 0));

        var blocks = await client.GetAsync($"/api/v1/networks/{litecoin}/chain/blocks");
        Assert.Equal(HttpStatusCode.BadGateway, blocks.StatusCode);
        Assert.Contains("Unexpected getblockcount answer", (await blocks.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A Running network row whose nodes "run" at the given paths of the loopback server.</summary>
    private async Task<string> AddNetworkAsync(string platform, params string[] paths)
    {
        var id = $"g{Guid.NewGuid():N}"[..12];
        var network = new Network
        {
            Id = id, Name = "garbage-" + platform, Platform = platform, Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Running,
        };
        for (var i = 0; i < paths.Length; i++)
        {
            var dataDirectory = Path.Combine(_portal.DataDirectory, "networks", id, $"node-{i + 1}");
            // Litecoin RPC authenticates with the cookie the node writes; the fake node's is any text.
            Directory.CreateDirectory(Path.Combine(dataDirectory, "regtest"));
            await File.WriteAllTextAsync(Path.Combine(dataDirectory, "regtest", ".cookie"), "__cookie__:fake");
            // The supervisor marks an Up node whose process is gone Down: a live process naming the node's folder stands in for it.
            var standIn = System.Diagnostics.Process.Start("sh", ["-c", "sleep 600", dataDirectory])!;
            _standIns.Add(standIn);
            network.Nodes.Add(new NetworkNode
            {
                Id = $"{id}-{i + 1}", NetworkId = id, Name = $"node-{i + 1}", Status = Core.Networks.NodeStatus.Up, RpcUrl = _server.Loopback(paths[i]), DataDirectory = dataDirectory,
                ProcessId = standIn.Id,
            });
        }
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Networks.Add(network);
        await db.SaveChangesAsync();
        return id;
    }
}
