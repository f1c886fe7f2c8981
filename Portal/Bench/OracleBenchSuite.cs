using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using NutPortal.Core.Identity;
using NutPortal.Core.Live;
using NutPortal.Core.Oracle;
using NutPortal.Web.Hosting;

namespace NutPortal.Web.Bench;

/// <summary>
/// The oracle end to end in one portal: [requests] (default 500) off-chain requests submitted from 8 tasks to a
/// loopback HTTP server through the queue (requests/s, submit-to-answer p50/p95), then [on-chain] (default 40)
/// NutOracle requests on an anvil network (1 s blocks), each sent and mined, and the time from the request event
/// mined to the fulfilment mined (p50/p95).
/// </summary>
internal sealed class OracleBenchSuite : IBenchSuite
{
    public string Name => "oracle";

    public string Description => "Oracle requests/s through the queue and p50/p95 request event to fulfilment mined on anvil [requests, default 500] [on-chain, default 40]";

    public async Task RunAsync(BenchReport report, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var count = arguments.Count > 0 && int.TryParse(arguments[0], out var n) ? n : 500;
        var onChain = arguments.Count > 1 && int.TryParse(arguments[1], out var m) ? m : 40;
        await using var target = await OracleBenchTarget.StartAsync(ct);
        await using var portal = await BenchPortal.StartAsync(ct, "--Portal:Explorer:IndexerEnabled=false", "--Portal:Outbound:AllowedHosts:0=127.0.0.1", "--Portal:Oracle:CallsPerCallerPerMinute=1000000", "--Portal:Oracle:CallsPerHostPerMinute=1000000", "--Portal:Workers:QueuePollMilliseconds=100", "--Portal:Oracle:FollowIntervalMilliseconds=200");
        var app = portal.App;
        using var client = portal.CreateClient();
        var created = await client.PostAsJsonAsync("/api/v1/networks", new { name = "bench-oracle", platform = "ethereum-anvil", blockIntervalSeconds = 1, accounts = new { count = 1, balanceEth = 1000 } }, ct);
        created.EnsureSuccessStatusCode();
        var networkId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
        await OracleBenchChain.UntilRunningAsync(client, networkId, ct);

        using (var scope = app.Services.CreateScope())
        {
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("admin@nutportal.local");
            await MeasureQueueAsync(report, app.Services, new OracleCaller(admin!.Id, null, true, true), networkId, target.Url, count, ct);
        }
        await new OracleBenchChain(app.Services, client, networkId, target.Url).MeasureAsync(report, onChain, ct);
        await client.DeleteAsync($"/api/v1/networks/{networkId}", CancellationToken.None);
    }

    private static async Task MeasureQueueAsync(BenchReport report, IServiceProvider services, OracleCaller caller, string networkId, string url, int count, CancellationToken ct)
    {
        var oracle = services.GetRequiredService<OracleService>();
        var submitted = new ConcurrentDictionary<long, long>();
        var finished = new ConcurrentDictionary<long, long>();
        using var subscription = services.GetRequiredService<LiveNotifier>().Subscribe<OracleRequestChanged>(e =>
        {
            if (e.Status is OracleStatus.Succeeded or OracleStatus.Failed)
            {
                finished.TryAdd(e.Id, Stopwatch.GetTimestamp());
            }
            return Task.CompletedTask;
        });
        var total = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await oracle.SubmitAsync(caller, new OracleSubmission(networkId, url, Selector: "$.data.price", ResultType: OracleResultType.Int256, Decimals: 2), ct);
                submitted[result.Request!.Id] = started;
            }
        }, ct)));
        var submitting = total.Elapsed;
        while (submitted.Keys.Any(id => !finished.ContainsKey(id)))
        {
            await Task.Delay(20, ct);
        }
        total.Stop();
        var latencies = submitted.Select(s => Stopwatch.GetElapsedTime(s.Value, finished[s.Key]).TotalMilliseconds).Order().ToArray();
        var failed = 0;
        foreach (var id in submitted.Keys)
        {
            failed += (await oracle.GetAsync(caller, id, ct))!.Status == OracleStatus.Failed ? 1 : 0;
        }
        report.Figure("oracle.queue.submit_rate", count / submitting.TotalSeconds, "req/s");
        report.Figure("oracle.queue.throughput", count / total.Elapsed.TotalSeconds, "req/s");
        report.Figure("oracle.queue.latency_p50", latencies[latencies.Length / 2], "ms");
        report.Figure("oracle.queue.latency_p95", latencies[(int)(latencies.Length * 0.95)], "ms");
        report.Figure("oracle.queue.failed", failed, "requests");
    }
}

/// <summary>The HTTP server the bench's requests call: a JSON price on 127.0.0.1.</summary>
internal sealed class OracleBenchTarget(WebApplication app, string url) : IAsyncDisposable
{
    public string Url { get; } = url;

    public static async Task<OracleBenchTarget> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapGet("/price", () => Results.Text("""{"data":{"price":"123.45"}}""", "application/json"));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new OracleBenchTarget(app, address.TrimEnd('/') + "/price");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
