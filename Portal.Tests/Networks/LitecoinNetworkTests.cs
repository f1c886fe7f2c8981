using System.Net;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

/// <summary>A real Litecoin regtest network (litecoind per node, every node peered with every other) driven through the API.</summary>
public sealed class LitecoinNetworkTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Sync = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_nodes_mine_on_the_portals_interval_share_the_head_and_a_fourth_node_added_at_height_200_catches_up()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, new
        {
            name = "ltc-three", platform = "litecoin", nodeCount = 3, consensus = "pow", blockIntervalSeconds = 1,
            accounts = new { count = 0 }, litecoin = new { miningNodes = new[] { 1, 2 } },
        })).GetProperty("id").GetString()!;

        var running = await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");
        var start = HeightOf(NodeNamed(running, "node-1"));
        // Every node dials every other, so a pair may hold a connection each way: at least the two others.
        await WaitForAsync(client, id, n => SameHead(n, 3) && HeightOf(Nodes(n)[0]) >= start + 3 && Nodes(n).All(x => x.GetProperty("peers").GetInt32() >= 2), Sync,
            "portal-driven blocks with the same head on all three nodes, each connected to the other two");

        // Bring the chain to height 200 at once through node-1's own RPC, as a miner outside the portal's schedule would.
        var node1 = NodeNamed(running, "node-1");
        var address = (await RpcAsync(id, node1, "getnewaddress", [], "wallet/portal")).GetString()!;
        var height = HeightOf(NodeNamed(await GetAsync(client, id), "node-1"));
        await RpcAsync(id, node1, "generatetoaddress", [Math.Max(1, 200 - height), address]);
        await WaitForAsync(client, id, n => SameHead(n, 3) && HeightOf(Nodes(n)[0]) >= 200, Sync, "three nodes at height 200");

        var added = await client.PostAsync($"/api/v1/networks/{id}/nodes", null);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var joined = await WaitForAsync(client, id, n => SameHead(n, 4) && NodeNamed(n, "node-4").GetProperty("peers").GetInt32() >= 3, Sync,
            "node-4 at the head with the others, connected to all three");
        var node4 = NodeNamed(joined, "node-4");
        Assert.True(HeightOf(node4) >= 200, $"node-4 is at {HeightOf(node4)}");
        Assert.Equal(0, node4.GetProperty("lagBlocks").GetInt64());

        var removed = await client.DeleteAsync($"/api/v1/networks/{id}/nodes/{node4.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var after = await GetAsync(client, id);
        Assert.Equal(3, Nodes(after).Count);
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", id, "node-4") + "/"));
    }

    /// <summary>
    /// The portal mines once an hour here, so the test makes the blocks: a transfer sent through node-1's own RPC sits in
    /// every node's pool until the test mines it, and its trace (written by the portal's watcher, not by a workload)
    /// times it on each node.
    /// </summary>
    [Fact]
    public async Task A_transfer_sent_straight_to_one_node_is_traced_on_every_node_and_the_last_mining_node_cannot_be_removed()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, new
        {
            name = "ltc-one-miner", platform = "litecoin", nodeCount = 3, consensus = "pow", blockIntervalSeconds = 3600, accounts = new { count = 0 },
            litecoin = new { confirmations = 3 }, // final three blocks deep instead of the default six
        })).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");

        var response = await client.DeleteAsync($"/api/v1/networks/{id}/nodes/{NodeNamed(running, "node-1").GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no remaining node could make blocks", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, Nodes(await GetAsync(client, id)).Count);
        await ATransferSentStraightToNodeOneIsTracedOnEveryNodeAsync(client, id, running);
    }

    private async Task ATransferSentStraightToNodeOneIsTracedOnEveryNodeAsync(HttpClient client, string id, JsonElement network)
    {
        var node1 = NodeNamed(network, "node-1");
        // Mine to the address the portal mined block 1 with at deploy, so blocks name node-1 as their maker.
        var first = await RpcAsync(id, node1, "getblock", [(await RpcAsync(id, node1, "getblockhash", [1])).GetString()!, 2]);
        var script = first.GetProperty("tx")[0].GetProperty("vout")[0].GetProperty("scriptPubKey");
        var address = (script.TryGetProperty("address", out var one) ? one : script.GetProperty("addresses")[0]).GetString()!;
        await RpcAsync(id, node1, "generatetoaddress", [101, address]); // one coinbase old enough to spend
        await WaitForAsync(client, id, n => SameHead(n, 3), Sync, "the same head on all three nodes");

        var txid = (await RpcAsync(id, node1, "sendtoaddress", [address, 1], "wallet/portal")).GetString()!;
        // Relay to the other pools takes a few seconds (Litecoin Core delays announcements at random); no block is made meanwhile.
        await WatchedTraces.InPoolsAsync(portal, id, txid, 3);
        await RpcAsync(id, node1, "generatetoaddress", [3, address]);

        var trace = await WatchedTraces.TraceAsync(client, id, txid);
        Assert.Empty(WatchedTraces.Stages(trace, "submitted")); // the portal did not send it
        Assert.Equal(2, WatchedTraces.NodesOf(trace, "propagated").Distinct().Count()); // to the two nodes other than the one whose pool held it first
        Assert.Contains("made by node-1", Assert.Single(WatchedTraces.Stages(trace, "included")).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["node-1", "node-2", "node-3"], WatchedTraces.NodesOf(trace, "imported"));
        Assert.Contains("3 confirmations", Assert.Single(WatchedTraces.Stages(trace, "confirmed")).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(trace.GetProperty("slowestNode").GetString()));
    }

    [Fact]
    public async Task A_restarted_portal_re_adopts_the_litecoin_nodes_and_goes_on_mining()
    {
        var first = new PortalFactory();
        string id;
        IReadOnlyList<int> pids;
        using (var client = first.CreateAdminClient())
        {
            id = (await CreateAsync(client, new
            {
                name = "ltc-readopt", platform = "litecoin", nodeCount = 2, consensus = "pow", blockIntervalSeconds = 1, accounts = new { count = 0 },
            })).GetProperty("id").GetString()!;
            await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");
            pids = LeftoverProcesses.Under(Path.Combine(first.DataDirectory, "networks", id));
            Assert.Equal(2, pids.Count);
        }

        using var second = PortalFactory.RestartOf(first);
        await first.DisposeAsync();
        using var again = second.CreateAdminClient();
        var adopted = await WaitForAsync(again, id, n => Status(n) == "Running" && SameHead(n, 2), Sync, "re-adopted nodes at one head");
        var height = HeightOf(Nodes(adopted)[0]);
        await WaitForAsync(again, id, n => SameHead(n, 2) && HeightOf(Nodes(n)[0]) >= height + 2, Sync, "blocks mined by the restarted portal");

        Assert.Contains("re-adopt", await WaitForAuditAsync(again, id, "re-adopt", TimeSpan.FromSeconds(10)));
        Assert.Equal(pids.Order(), LeftoverProcesses.Under(Path.Combine(second.DataDirectory, "networks", id)).Order());
    }

    private Task<JsonElement> RpcAsync(string networkId, JsonElement node, string method, object[] parameters, string path = "") =>
        LitecoinRpc.CallAsync(portal.DataDirectory, networkId, node, method, parameters, path);
}
