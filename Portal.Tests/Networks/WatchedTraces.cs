using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Tests.Infrastructure;
using NutPortal.Workers.Monitoring;

namespace NutPortal.Tests.Networks;

/// <summary>Waits on the portal's trace watcher, for tests that send a transaction straight to a node.</summary>
internal static class WatchedTraces
{
    /// <summary>Until the watcher has seen <paramref name="hash"/> in <paramref name="nodes"/> nodes' pools.</summary>
    public static Task InPoolsAsync(PortalFactory portal, string id, string hash, int nodes)
    {
        var watcher = portal.Services.GetRequiredService<TraceWatcher>();
        return Eventually.HoldsAsync(() => Task.FromResult(watcher.Networks.TryGetValue(id, out var watch) && watch.PoolsHolding(hash).Count == nodes),
            $"the portal's trace watcher did not see {hash} in {nodes} nodes' pools within 60 s", TimeSpan.FromSeconds(60));
    }

    /// <summary>The trace once the watcher wrote it (the transaction final and imported on every Up node).</summary>
    public static async Task<JsonElement> TraceAsync(HttpClient client, string id, string hash)
    {
        var trace = default(JsonElement);
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/v1/networks/{id}/transactions/{hash}/trace");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
            trace = await response.Content.ReadFromJsonAsync<JsonElement>();
            return true;
        }, $"no trace of {hash} within 60 s", TimeSpan.FromSeconds(60));
        return trace;
    }

    public static List<JsonElement> Stages(JsonElement trace, string stage) =>
        [.. trace.GetProperty("stages").EnumerateArray().Where(s => s.GetProperty("stage").GetString() == stage)];

    public static List<string?> NodesOf(JsonElement trace, string stage) => [.. Stages(trace, stage).Select(s => s.GetProperty("node").GetString()).Order()];
}
