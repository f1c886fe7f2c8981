using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task Garbage_answers_are_named_on_the_node_while_it_stays_up_and_metrics_go_on_for_every_node()
    {
        await using var networks = new FakeNodeNetworks(_portal, _server);
        var litecoin = await networks.AddAsync("litecoin", "/garbage-rpc", "/down");
        var neo = await networks.AddAsync("neo-express", "/garbage-rpc");
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
}
