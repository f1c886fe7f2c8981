using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Alerts;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Monitoring;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Monitoring;

/// <summary>
/// The issue's done-when scenario, end to end on one real anvil chain (1 s blocks) and one 30 s workload shared by
/// every check: TPS near 50 in the API and on the live chart, the report against the blocks, a "TPS above 20 for
/// 10 s" rule going Pending → Firing → Resolved with its webhook and the bell following live, and the trace stages.
/// </summary>
public sealed class WorkloadScenarioTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    private const int Rate = 50;
    private const int Duration = 30;
    private const string TpsChart = "document.querySelector('[data-testid=chart-tps] .js-plotly-plot')";

    [BrowserFact(Timeout = 240_000)]
    public async Task A_50_tps_workload_shows_on_the_chart_matches_the_chain_and_fires_then_resolves_a_tps_alert()
    {
        portal.WithSetting("Portal:Monitoring:SampleIntervalSeconds", "1").WithSetting("Portal:Alerts:EvaluationIntervalSeconds", "2")
            .WithSetting("Portal:Alerts:WebhookFirstRetrySeconds", "0.2").WithSetting("Portal:Outbound:AllowedHosts:0", "127.0.0.1");
        using var receiver = new WebhookReceiver();
        var address = portal.Address;
        using var client = portal.CreateAdminClient();
        client.BaseAddress = address;
        var id = (await CreateAsync(client, Profile("scenario"))).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        var rpc = portal.Services.GetRequiredService<IJsonRpcClientFactory>().CreateEthereum(new Uri(Node(running).GetProperty("rpcUrl").GetString()!));
        await MetricsApiTests.WaitForPointsAsync(client, id, "tps", p => p.Length > 0);
        var rule = await client.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "busy chain", networkId = id, metric = "tps", comparator = ">", threshold = 20, forSeconds = 10, severity = "warning",
            channels = new[] { new { type = "webhook", url = receiver.Url } },
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var ruleId = (await rule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{id}");
        await browser.WaitForAsync("[data-testid=chart-tps] .main-svg", timeoutMs: 20000);
        await browser.EvaluateAsync<object?>("window.__noReload = true");
        Assert.Equal(0, await browser.CountAsync("[data-testid=alert-count]"));

        var startHeight = await rpc.GetBlockNumberAsync();
        var started = await client.PostAsJsonAsync($"/api/v1/networks/{id}/workloads", new { kind = "transfer", ratePerSecond = Rate, durationSeconds = Duration });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var startedAt = DateTime.UtcNow;
        var workloadId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // While it runs: the API series and the live chart show ~50 tx/s, the rule goes Pending then Firing,
        // the webhook hears "firing" and the bell lights up without a reload.
        await MetricsApiTests.WaitForPointsAsync(client, id, "tps", p => p.Any(x => Time(x) > startedAt && Value(x) >= 40));
        await Eventually.HoldsAsync(async () => (await ChartAsync(browser)).Any(p => p.Time > startedAt && p.Value >= 40), "the live chart never showed 40+ tx/s");
        var pending = await AlertFiringTests.WaitForAlertAsync(client, ruleId, "pending", TimeSpan.FromSeconds(20));
        var firing = await AlertFiringTests.WaitForAlertAsync(client, ruleId, "firing", TimeSpan.FromSeconds(30));
        var hookFiring = await receiver.WaitForAsync(b => b.GetProperty("state").GetString() == "firing", TimeSpan.FromSeconds(20));
        await browser.WaitForTextAsync("[data-testid=alert-count]", "1", 20000);
        var stillRunning = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/workloads/{workloadId}")).GetProperty("status").GetString();

        var report = await WaitForReportAsync(client, workloadId);
        var hookResolved = await receiver.WaitForAsync(b => b.GetProperty("state").GetString() == "resolved", TimeSpan.FromSeconds(40));
        await browser.WaitForAsync("[data-testid=alert-count]", "detached", 20000);

        // Pending and Firing happened while the workload ran; Resolved after it.
        Assert.Equal("running", stillRunning);
        Assert.Equal(firing.GetProperty("id").GetInt64(), pending.GetProperty("id").GetInt64());
        Assert.True(firing.GetProperty("value").GetDouble() > 20, firing.ToString());
        Assert.Equal(firing.GetProperty("id").GetInt64(), hookFiring.GetProperty("alertId").GetInt64());
        Assert.Equal(hookFiring.GetProperty("alertId").GetInt64(), hookResolved.GetProperty("alertId").GetInt64());
        Assert.True(hookResolved.GetProperty("value").GetDouble() <= 20, hookResolved.ToString());
        var transitions = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/alerts/{firing.GetProperty("id").GetInt64()}/transitions"))!
            .Select(t => $"{t.GetProperty("from").GetString()}->{t.GetProperty("to").GetString()}").ToList();
        Assert.Equal(["normal->pending", "pending->firing", "firing->resolved"], transitions);
        Assert.True(await browser.EvaluateAsync<bool>("window.__noReload === true"), "the page reloaded");

        // The report agrees with the chain: every confirmed transaction is in a block after the start, and nothing else is.
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(Rate * Duration, report.GetProperty("sent").GetInt32());
        var onChain = await TransactionsSinceAsync(rpc, startHeight);
        Assert.Equal(onChain.Count, report.GetProperty("confirmed").GetInt32());
        Assert.Equal(Rate * Duration, onChain.Count);
        Assert.InRange(report.GetProperty("achievedTps").GetDouble(), 0.8 * Rate, 1.2 * Rate);

        // TPS near 50 over the workload's middle, in the stored series and on the chart the browser drew.
        var window = (From: startedAt.AddSeconds(4), To: startedAt.AddSeconds(Duration - 2));
        var api = (await MetricsApiTests.PointsAsync(client, id, "tps")).Where(p => Time(p) > window.From && Time(p) < window.To).Select(Value).ToList();
        var chart = (await ChartAsync(browser)).Where(p => p.Time > window.From && p.Time < window.To).Select(p => p.Value).ToList();
        Assert.InRange(Median(api), 0.7 * Rate, 1.3 * Rate);
        Assert.InRange(Median(chart), 0.7 * Rate, 1.3 * Rate);
        Assert.True(chart.Count >= 10, $"the chart got {chart.Count} points during the workload");

        // Workload transactions carry the portal-side stages of their trace, like any transaction the portal sends.
        var traced = await WaitForTraceAsync(client, id, onChain[0]);
        Assert.Equal(["built and signed", "submitted", "pending", "included"],
            traced.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).Take(4));
        Assert.Empty(await browser.PageErrorsAsync());
    }

    private static async Task<List<string>> TransactionsSinceAsync(IJsonRpcClient rpc, ulong startHeight)
    {
        var hashes = new List<string>();
        var head = await rpc.GetBlockNumberAsync();
        for (var number = startHeight + 1; number <= head; number++)
        {
            var block = await rpc.CallAsync<BlockSummary?>("eth_getBlockByNumber", [BlockParameter.FromNumber(number), false]);
            hashes.AddRange(block!.Transactions);
        }
        return hashes;
    }

    private static async Task<List<(DateTime Time, double Value)>> ChartAsync(BrowserSession browser)
    {
        var json = await browser.EvaluateAsync<string>($"(() => {{ const d = {TpsChart}.data; return JSON.stringify(d ? {{ x: d[0].x, y: d[0].y }} : {{ x: [], y: [] }}); }})()");
        var data = JsonDocument.Parse(json).RootElement;
        return [.. data.GetProperty("x").EnumerateArray().Zip(data.GetProperty("y").EnumerateArray(),
            (x, y) => (DateTime.Parse(x.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), y.GetDouble()))];
    }

    private static async Task<JsonElement> WaitForReportAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var workload = await client.GetFromJsonAsync<JsonElement>($"/api/v1/workloads/{id}");
            if (workload.GetProperty("status").GetString() != "running" || DateTime.UtcNow > deadline)
            {
                return workload;
            }
            await Task.Delay(250);
        }
    }

    private static async Task<JsonElement> WaitForTraceAsync(HttpClient client, string networkId, string hash)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var response = await client.GetAsync($"/api/v1/networks/{networkId}/transactions/{hash}/trace");
            if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
            {
                Assert.True(response.IsSuccessStatusCode, $"no trace for {hash}: {(int)response.StatusCode}");
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            await Task.Delay(250);
        }
    }

    private static DateTime Time(JsonElement point) => point.GetProperty("time").GetDateTime().ToUniversalTime();

    private static double Value(JsonElement point) => point.GetProperty("value").GetDouble();

    private static double Median(List<double> values)
    {
        Assert.NotEmpty(values);
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
