using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Oracle;

namespace NutPortal.Tests.ChainBrowser;

/// <summary>
/// The chain browser when a Neo node answers garbage (a fake: a real node cannot be made to) or the network is not
/// browsable: a clear error naming the answer, never a crash or a made-up block.
/// </summary>
public sealed class ChainBrowserGarbageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _portal = portal;
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
    }

    [Fact]
    public async Task A_node_answering_garbage_gives_502_naming_the_answer_and_an_ethereum_network_is_sent_to_its_explorer()
    {
        var neo = await AddNetworkAsync("neo-express");
        using var api = _portal.CreateAdminClient();

        var blocks = await api.GetAsync($"/api/v1/networks/{neo}/chain/blocks");
        var tx = await api.GetAsync($"/api/v1/networks/{neo}/chain/transactions/{new string('1', 64)}");
        var ethereum = await api.GetAsync($"/api/v1/networks/{await AddNetworkAsync("ethereum-anvil")}/chain/blocks");

        Assert.Equal(HttpStatusCode.BadGateway, blocks.StatusCode);
        Assert.Contains("Unexpected getblockcount answer: {\"balance\":\"lots\"}", (await blocks.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, tx.StatusCode);
        Assert.Contains("Unexpected getrawtransaction answer", await tx.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ethereum.StatusCode);
        Assert.Contains("browsed in the explorer", await ethereum.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A network row whose one node "runs" at the garbage RPC address.</summary>
    private async Task<string> AddNetworkAsync(string platform)
    {
        var id = $"g{Guid.NewGuid():N}"[..12];
        var dataDirectory = Path.Combine(_portal.DataDirectory, id);
        // The supervisor marks an Up node whose process is gone Down: a live process naming the node's folder stands in for it.
        var standIn = System.Diagnostics.Process.Start("sh", ["-c", "sleep 600", dataDirectory])!;
        _standIns.Add(standIn);
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Networks.Add(new Network
        {
            Id = id, Name = "garbage-" + platform, Platform = platform, Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Running,
            Nodes = [new NetworkNode { Id = id + "-1", NetworkId = id, Name = "node-1", Status = NodeStatus.Up, RpcUrl = _server.Loopback("/garbage-rpc"), DataDirectory = dataDirectory, ProcessId = standIn.Id }],
        });
        await db.SaveChangesAsync();
        return id;
    }
}
