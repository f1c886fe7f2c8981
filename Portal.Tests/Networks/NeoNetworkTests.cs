using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NutPortal.Core.Networks.Platforms.Neo;
using NutPortal.Tests.Alerts;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

/// <summary>A real four-node Neo N3 network (neo-express, dBFT) deployed and broken through the API.</summary>
public sealed class NeoNetworkTests(AlertPortalFactory portal) : IClassFixture<AlertPortalFactory>
{
    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(120);
    // Neo 3.5 re-requests blocks from its peers on a timer of its own: a node that stalls while catching up resumes
    // within about a minute, so waits for consensus and catch-up allow two.
    private static readonly TimeSpan Consensus = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Four_consensus_nodes_agree_on_the_head_time_a_transfer_workload_on_each_go_on_with_one_down_halt_with_two_down_and_recover()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, new
        {
            name = "neo-four", platform = "neo-express", nodeCount = 4, consensus = "dbft", blockIntervalSeconds = 1, chainId = 860833102,
            accounts = new { count = 0 }, restartPolicy = "never",
        })).GetProperty("id").GetString()!;

        var running = await WaitForAsync(client, id, n => Status(n) == "Running", Deploy, "Running");
        Assert.All(Nodes(running), n => Assert.StartsWith("/Neo:3.5", n.GetProperty("version").GetString(), StringComparison.Ordinal));
        await WaitForAsync(client, id, n => SameHead(n, 4), Consensus, "the same head hash on all four nodes");
        // Block metrics read from Neo's own blocks (millisecond times): about one block a second, and a TPS series.
        var interval = await Monitoring.MetricsApiTests.WaitForPointsAsync(client, id, "blockIntervalSeconds", p => p.Length > 0);
        Assert.Contains(interval, p => p.GetProperty("value").GetDouble() is >= 0.5 and <= 5);
        Assert.NotEmpty(await Monitoring.MetricsApiTests.WaitForPointsAsync(client, id, "tps", p => p.Length > 0));
        await TransferWorkloadIsTimedOnEveryNodeAsync(client, id);

        var rule = await client.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "fewer than 3 of 4 consensus nodes up", networkId = id, metric = "blockProducersUp", comparator = "<", threshold = 3, forSeconds = 0,
            severity = "critical", channels = Array.Empty<object>(),
        });
        var ruleId = (await rule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Kill(portal.DataDirectory, id, "node-4");
        var degraded = await WaitForAsync(client, id, n => Status(n) == "Degraded", TimeSpan.FromSeconds(10), "Degraded with one node down");
        var height = HeightOf(NodeNamed(degraded, "node-1"));
        await WaitForAsync(client, id, n => Status(n) == "Degraded" && HeightOf(NodeNamed(n, "node-1")) >= height + 2, Consensus, "blocks with three of four nodes");

        Kill(portal.DataDirectory, id, "node-3");
        await WaitForAsync(client, id, n => Status(n) == "Halted", TimeSpan.FromSeconds(10), "Halted with two of four nodes down");
        var alert = await AlertFiringTests.WaitForAlertAsync(client, ruleId, "firing", TimeSpan.FromSeconds(30));
        Assert.Equal(2, alert.GetProperty("value").GetDouble());
        // No blocks now: a transfer sent straight to node-1 waits in node-1's and node-2's pools until consensus returns.
        var txid = await TransferThroughNodeOneAsync(id);
        await WatchedTraces.InPoolsAsync(portal, id, txid, 2);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/networks/{id}/nodes/{await NodeIdAsync(client, id, "node-3")}/start", null)).StatusCode);
        var resumed = await WaitForAsync(client, id, n => Status(n) == "Degraded", TimeSpan.FromSeconds(10), "Degraded again with three nodes up");
        var haltedAt = HeightOf(NodeNamed(resumed, "node-1"));
        await WaitForAsync(client, id, n => HeightOf(NodeNamed(n, "node-1")) >= haltedAt + 2, Consensus, "blocks again once a third node returned");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/networks/{id}/nodes/{await NodeIdAsync(client, id, "node-4")}/start", null)).StatusCode);
        // node-4 catches up on blocks made while it was down; on a loaded machine Neo's re-request timer once left it 18
        // blocks behind for the whole two minutes this wait used to allow, so it allows four.
        await WaitForAsync(client, id, n => Status(n) == "Running" && SameHead(n, 4), TimeSpan.FromMinutes(4), "Running with all four nodes at the same head");
        await TheTransferSentStraightToNodeOneIsTracedAsync(client, id, txid);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/networks/{id}")).StatusCode);
        Assert.Empty(LeftoverProcesses.Under(Path.Combine(portal.DataDirectory, "networks", id)));
    }

    /// <summary>
    /// node-1 opens the portal wallet (funded with GAS from the genesis account) and sends 0.0001 GAS transfers; the
    /// report and each transaction's trace time every transaction on all four nodes.
    /// </summary>
    private static async Task TransferWorkloadIsTimedOnEveryNodeAsync(HttpClient client, string id)
    {
        const int rate = 5, duration = 4;
        var started = await client.PostAsJsonAsync($"/api/v1/networks/{id}/workloads", new { kind = "transfer", ratePerSecond = rate, durationSeconds = duration });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var workloadId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var report = default(JsonElement);
        await Eventually.HoldsAsync(async () => (report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workloads/{workloadId}")).GetProperty("status").GetString() != "running",
            "the workload did not finish within 120 s", TimeSpan.FromSeconds(120));
        Assert.True(report.GetProperty("status").GetString() == "completed", report.ToString());
        Assert.Equal((rate * duration, rate * duration, 0), (report.GetProperty("sent").GetInt32(), report.GetProperty("confirmed").GetInt32(), report.GetProperty("failed").GetInt32()));
        Assert.Contains("GAS", report.GetProperty("preparation").GetString(), StringComparison.Ordinal);
        var nodes = report.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["node-1", "node-2", "node-3", "node-4"], nodes.Select(n => n.GetProperty("node").GetString()));
        Assert.All(nodes, n => Assert.True(n.GetProperty("readyMs").GetProperty("p95").GetDouble() > 0, n.ToString()));

        var hash = report.GetProperty("slowestTransaction").GetString()!;
        Assert.Matches("^0x[0-9a-f]{64}$", hash);
        var trace = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/transactions/{hash}/trace");
        var imported = trace.GetProperty("stages").EnumerateArray().Where(s => s.GetProperty("stage").GetString() == "imported")
            .Select(s => s.GetProperty("node").GetString()).Order();
        Assert.Equal(["node-1", "node-2", "node-3", "node-4"], imported);
        // The block's producer is the dBFT primary of its round (a consensus node), and the transaction is final at once.
        var stages = trace.GetProperty("stages").EnumerateArray().ToDictionary(s => (s.GetProperty("stage").GetString()!, s.TryGetProperty("node", out var n) ? n.GetString() : null));
        Assert.Matches("made by node-[1-4]", stages.Single(s => s.Key.Item1 == "included").Value.GetProperty("detail").GetString());
        Assert.Contains("final in its block", stages.Single(s => s.Key.Item1 == "confirmed").Value.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>0.1 GAS from the consensus nodes' genesis account to node2's, signed by neo-express and sent to node-1's RPC, not through the portal.</summary>
    private async Task<string> TransferThroughNodeOneAsync(string id)
    {
        var home = Path.Combine(portal.DataDirectory, "networks", id, "node-1");
        var output = await NeoExpress.Restored.RunAsync(home, ["transfer", "0.1", "GAS", "genesis", "node2", "-i", NeoExpressFile.PathFor(home)], CancellationToken.None);
        var txid = Regex.Match(output, "0x[0-9a-f]{64}").Value;
        Assert.False(string.IsNullOrEmpty(txid), output);
        return txid;
    }

    /// <summary>
    /// The portal's trace watcher timed it on every node that was up: propagation to the other pools that held it, the block (made by a consensus node once three were up again), its import and finality.
    /// </summary>
    private static async Task TheTransferSentStraightToNodeOneIsTracedAsync(HttpClient client, string id, string txid)
    {
        var trace = await WatchedTraces.TraceAsync(client, id, txid);
        Assert.Empty(WatchedTraces.Stages(trace, "submitted")); // the portal did not send it
        // Both pools held it while the chain was halted: one is where the trace starts, the other has a propagation
        // span (a restarted node that took it into its pool before the block has one too).
        var propagated = WatchedTraces.NodesOf(trace, "propagated");
        Assert.Single(propagated, n => n is "node-1" or "node-2");
        Assert.Equal(propagated.Count, propagated.Distinct().Count());
        Assert.Matches("made by node-[1-4]", Assert.Single(WatchedTraces.Stages(trace, "included")).GetProperty("detail").GetString());
        var imported = WatchedTraces.NodesOf(trace, "imported");
        Assert.Subset(imported.ToHashSet(), new HashSet<string?> { "node-1", "node-2", "node-3" }); // node-4 too if it was back up by then
        Assert.Equal(imported.Count, imported.Distinct().Count());
        Assert.Contains("final in its block", Assert.Single(WatchedTraces.Stages(trace, "confirmed")).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wiped_neo_node_downloads_the_chain_again_and_rejoins_the_head()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, new
        {
            name = "neo-resync", platform = "neo-express", nodeCount = 4, consensus = "dbft", blockIntervalSeconds = 1, chainId = 5195086,
            accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        var before = await WaitForAsync(client, id, n => Status(n) == "Running" && HeightOf(NodeNamed(n, "node-1")) >= 5, Deploy, "five blocks");

        var response = await client.PostAsync($"/api/v1/networks/{id}/nodes/{NodeNamed(before, "node-2").GetProperty("id").GetString()}/resync", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("wiped", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await WaitForAsync(client, id, n => Status(n) == "Running" && SameHead(n, 4), Consensus, "the wiped node at the head again");
        Assert.True(HeightOf(NodeNamed(after, "node-2")) >= HeightOf(NodeNamed(before, "node-1")));
        Assert.Contains("resync", await WaitForAuditAsync(client, id, "resync", TimeSpan.FromSeconds(5)));
    }

    private static async Task<string> NodeIdAsync(HttpClient client, string id, string name) =>
        NodeNamed(await GetAsync(client, id), name).GetProperty("id").GetString()!;
}
