using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Web.Components.Networks;
using NutPortal.Workers;

namespace NutPortal.Tests.Components;

/// <summary>The network page's node table.</summary>
public sealed class NodeTableTests
{
    [Fact]
    public async Task A_node_not_yet_read_shows_a_dash_for_its_peers_and_mempool_and_an_up_node_s_read_error_is_shown()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        var contexts = await ctx.UseDatabaseAsync((s, configuration) =>
        {
            s.AddPortalWorkers(configuration);
            s.AddSingleton<NutPortal.Web.Api.NetworkResources>();
        });
        var network = new Network
        {
            Id = "net1", Name = "ltc", Platform = "litecoin", Driver = "local", ProfileJson = "{}", Status = NetworkStatus.Degraded,
            CreatedBy = "ops@x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        network.Nodes.Add(new NetworkNode { Id = "node1", NetworkId = "net1", Name = "node-1", Status = NodeStatus.Down, DataDirectory = "/nonexistent" });
        // Up, but its last chain-state read got an answer of the wrong shape: the table says so under its status.
        network.Nodes.Add(new NetworkNode
        {
            Id = "node2", NetworkId = "net1", Name = "node-2", Status = NodeStatus.Up, DataDirectory = "/nonexistent",
            LastError = "Reading its chain state failed: Unexpected getblockchaininfo answer: {}",
        });
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Networks.Add(network);
            await db.SaveChangesAsync();
        }
        var resource = ctx.Services.GetRequiredService<NutPortal.Web.Api.NetworkResources>().From(network);

        var table = ctx.Render<NodeTable>(p => p.Add(c => c.Network, resource));

        table.WaitForAssertion(() => Assert.Equal("—", table.Find("[data-testid=node-peers][data-node=node-1]").TextContent.Trim()));
        Assert.Equal("—", table.Find("[data-testid=node-mempool][data-node=node-1]").TextContent.Trim());
        Assert.Contains("Reading its chain state failed: Unexpected getblockchaininfo answer: {}", table.Markup, StringComparison.Ordinal);
    }
}
