using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Monitoring;

/// <summary>
/// A transfer workload on a real three-node Litecoin network (one miner): node-1's wallet sends, the portal watches
/// every node, and the report and each transaction's trace time the transaction on every node.
/// </summary>
public sealed class LitecoinWorkloadTests(RealServerPortalFactory portal, ITestOutputHelper output) : IClassFixture<RealServerPortalFactory>
{
    private const int Rate = 5;
    private const int Duration = 4;

    [BrowserFact(Timeout = 240_000)]
    public async Task A_transfer_workload_reports_per_node_propagation_and_import_and_traces_each_transaction_on_every_node()
    {
        portal.WithSetting("Portal:Monitoring:SampleIntervalSeconds", "1");
        using var client = portal.CreateAdminClient();
        client.BaseAddress = portal.Address;
        var id = (await CreateAsync(client, new
        {
            name = "ltc-load", platform = "litecoin", nodeCount = 3, consensus = "pow", blockIntervalSeconds = 2,
            accounts = new { count = 0 }, litecoin = new { miningNodes = new[] { 1 } },
        })).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running" && SameHead(n, 3), TimeSpan.FromSeconds(90), "Running, three nodes at one head");

        var refused = await client.PostAsJsonAsync($"/api/v1/networks/{id}/workloads", new { kind = "contract-call", ratePerSecond = Rate, durationSeconds = Duration });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("no contracts to call", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.Ordinal);

        var started = await client.PostAsJsonAsync($"/api/v1/networks/{id}/workloads", new { kind = "transfer", ratePerSecond = Rate, durationSeconds = Duration });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var workloadId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var report = await WaitForWorkloadAsync(client, workloadId, TimeSpan.FromSeconds(150));

        output.WriteLine(report.ToString());
        Assert.True(report.GetProperty("status").GetString() == "completed", report.ToString());
        Assert.Equal((Rate * Duration, Rate * Duration, 0), (report.GetProperty("sent").GetInt32(), report.GetProperty("confirmed").GetInt32(), report.GetProperty("failed").GetInt32()));
        Assert.Equal("node-1", report.GetProperty("sender").GetString());
        var nodes = report.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(["node-1", "node-2", "node-3"], nodes.Select(n => n.GetProperty("node").GetString()));
        foreach (var node in nodes)
        {
            // Every node imported every transaction's block after the block was first seen somewhere.
            Assert.True(node.GetProperty("readyMs").GetProperty("p95").GetDouble() > 0, node.ToString());
            Assert.True(node.GetProperty("importMs").GetProperty("p50").GetDouble() >= 0, node.ToString());
        }
        // The relaying nodes either held a transaction in their pool (propagation timed) or first met it in a block.
        foreach (var relay in nodes.Skip(1))
        {
            Assert.True(relay.GetProperty("propagationMs").ValueKind == JsonValueKind.Object || relay.GetProperty("blockFirst").GetInt32() == Rate * Duration, relay.ToString());
        }
        Assert.Contains(report.GetProperty("slowestNode").GetString(), new[] { "node-1", "node-2", "node-3" });

        var hash = report.GetProperty("slowestTransaction").GetString()!;
        var trace = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/transactions/{hash}/trace");
        var stages = trace.GetProperty("stages").EnumerateArray()
            .Select(s => (Stage: s.GetProperty("stage").GetString(), Node: s.TryGetProperty("node", out var n) ? n.GetString() : null)).ToList();
        Assert.Contains(("submitted", "node-1"), stages);
        // The block's miner is named (node-1 mines alone), and finality comes six blocks later (proof of work).
        var included = trace.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "included");
        Assert.Contains("made by node-1", included.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var confirmed = trace.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "confirmed");
        Assert.Contains("6 confirmations", confirmed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["node-1", "node-2", "node-3"], stages.Where(s => s.Stage == "imported").Select(s => s.Node).Order());
        Assert.True(trace.GetProperty("blockNumber").GetInt64() > 0);
        Assert.False(string.IsNullOrEmpty(trace.GetProperty("slowestNode").GetString()));
        // The sender mined the block itself, so nothing waited on propagation; six blocks of proof of work came last.
        Assert.Equal(["submitted", "included", "confirmed"], trace.GetProperty("criticalPath").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        output.WriteLine(trace.ToString());

        // The chain's own metrics, read from Litecoin's blocks: the workload's transactions per second and the interval.
        var tps = await MetricsApiTests.WaitForPointsAsync(client, id, "tps", p => p.Any(x => x.GetProperty("value").GetDouble() > 0));
        Assert.All(tps, p => Assert.True(p.GetProperty("value").GetDouble() <= Rate * Duration, p.ToString()));
        var interval = await MetricsApiTests.WaitForPointsAsync(client, id, "blockIntervalSeconds", p => p.Length > 0);
        Assert.Contains(interval, p => p.GetProperty("value").GetDouble() is > 0 and < 10);
        var otlp = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/transactions/{hash}/trace/otlp");
        Assert.Contains("nutportal.node", otlp.ToString(), StringComparison.Ordinal);

        // The traces list (no explorer index on Litecoin: from the recorded spans) has the 20 transfers and, per node, propagation and import percentiles.
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/traces?page=1&pageSize=25");
        Assert.Equal(Rate * Duration, listed.GetProperty("total").GetInt32());
        var perNode = listed.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("node").GetString(), n.GetProperty("stage").GetString(), n.GetProperty("count").GetInt32())).ToList();
        Assert.Contains(("node-3", "imported", Rate * Duration), perNode);

        // The network page keeps the last report: a row per node, the slowest named, the slowest transaction's waterfall per node.
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{id}");
        await browser.WaitForAsync("[data-testid=workload-nodes]", timeoutMs: 20000);
        Assert.Equal(1, await browser.CountAsync("[data-testid=chart-tps]"));
        Assert.Equal(0, await browser.CountAsync("[data-testid=chart-gas]")); // no gas on Litecoin
        Assert.Equal(3, await browser.CountAsync("[data-testid=workload-node]"));
        Assert.Equal(1, await browser.CountAsync($"[data-testid=workload-node][data-slowest=true][data-node={report.GetProperty("slowestNode").GetString()}]"));
        Assert.Equal(3, await browser.CountAsync("[data-testid=trace-stage][data-stage=imported]"));
        Assert.Equal(1, await browser.CountAsync("[data-testid=trace-stage][data-stage=imported][data-node=node-3]"));
        Assert.Contains(hash, await browser.TextAsync("[data-testid=slowest-transaction]"), StringComparison.Ordinal);
        Assert.Equal("critical path: submitted → included (block by node-1) → confirmed", await browser.TextAsync("[data-testid=critical-path]"));

        await browser.GotoInteractiveAsync("traces");
        await browser.WaitForAsync("[data-testid=node-statistic][data-node=node-3][data-stage=imported]", timeoutMs: 20000);
        Assert.Equal($"{Rate * Duration} transactions", await browser.TextAsync("[data-testid=trace-count]"));
        Assert.Equal(10, await browser.CountAsync("[data-testid=trace-row]")); // the first page
        Assert.Equal(3, await browser.CountAsync("[data-testid=node-statistic][data-stage=imported]"));
    }

    private static async Task<JsonElement> WaitForWorkloadAsync(HttpClient client, string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var workload = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workloads/{id}");
            if (workload.GetProperty("status").GetString() != "running" || DateTime.UtcNow > deadline)
            {
                return workload;
            }
            await Task.Delay(500);
        }
    }
}
