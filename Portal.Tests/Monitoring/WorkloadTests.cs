using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Monitoring;

public sealed class WorkloadTests(MonitoringPortalFactory portal) : IClassFixture<MonitoringPortalFactory>
{
    [Theory]
    [InlineData("transfer", 10, 2)]
    [InlineData("contract-call", 5, 2)]
    public async Task A_workload_sends_signed_transactions_and_reports_what_was_included(string kind, int rate, int duration)
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("load-" + kind))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");

        await MetricsApiTests.WaitForPointsAsync(client, id, "tps", p => p.Length > 0);
        var started = await client.PostAsJsonAsync($"/api/v1/networks/{id}/workloads", new { kind, ratePerSecond = rate, durationSeconds = duration });
        var workloadId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var report = await WaitForReportAsync(client, workloadId!);
        var tps = await MetricsApiTests.WaitForPointsAsync(client, id, "transactionsPerBlock", p => p.Sum(x => x.GetProperty("value").GetDouble()) > 0);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(rate * duration, report.GetProperty("sent").GetInt32());
        Assert.Equal(rate * duration, report.GetProperty("confirmed").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        Assert.True(report.GetProperty("achievedTps").GetDouble() > 0);
        var latency = report.GetProperty("latencyMs");
        Assert.True(latency.GetProperty("min").GetDouble() <= latency.GetProperty("p50").GetDouble());
        Assert.True(latency.GetProperty("p50").GetDouble() <= latency.GetProperty("p99").GetDouble());
        Assert.Equal(kind == "contract-call", report.GetProperty("contractAddress").ValueKind == JsonValueKind.String);
        Assert.NotEmpty(tps);
    }

    [Fact]
    public async Task Bad_workloads_name_their_fields()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, Profile("load-bad"))).GetProperty("id").GetString()!;

        var response = await client.PostAsJsonAsync($"/api/v1/networks/{id}/workloads", new { kind = "spam", ratePerSecond = 0, durationSeconds = 100000 });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("ratePerSecond", out _));
        Assert.True(errors.TryGetProperty("durationSeconds", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/workloads/nope")).StatusCode);
    }

    private static async Task<JsonElement> WaitForReportAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
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
}
