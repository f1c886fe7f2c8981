using System.Net.Http.Json;
using System.Text.Json;

namespace NutPortal.Tests.Networks;

/// <summary>Small helpers over the networks API for tests: create, read, and wait for a condition.</summary>
internal static class NetworkApi
{
    public static async Task<JsonElement> CreateAsync(HttpClient client, object profile)
    {
        var response = await client.PostAsJsonAsync("/api/v1/networks", profile);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body.ToString());
        return body;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}");

    public static async Task<JsonElement> WaitForAsync(HttpClient client, string id, Func<JsonElement, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement network;
        do
        {
            network = await GetAsync(client, id);
            if (condition(network))
            {
                return network;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        var steps = await client.GetStringAsync($"/api/v1/networks/{id}/deployment");
        throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}. Network: {network} Steps: {steps}");
    }

    /// <summary>Waits until the network's audit log has an entry with this action (entries follow the change they record).</summary>
    public static async Task<IReadOnlyList<string>> WaitForAuditAsync(HttpClient client, string id, string action, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<string> actions;
        do
        {
            actions = [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/audit")).EnumerateArray().Select(a => a.GetProperty("action").GetString()!)];
            if (actions.Contains(action))
            {
                return actions;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"No '{action}' in the audit log of {id} after {timeout.TotalSeconds} s: {string.Join(", ", actions)}");
    }

    public static JsonElement Node(JsonElement network) => network.GetProperty("nodes")[0];

    public static IReadOnlyList<JsonElement> Nodes(JsonElement network) => [.. network.GetProperty("nodes").EnumerateArray()];

    public static JsonElement NodeNamed(JsonElement network, string name) => Nodes(network).Single(n => n.GetProperty("name").GetString() == name);

    public static long HeightOf(JsonElement node) => node.GetProperty("blockHeight") is { ValueKind: JsonValueKind.Number } h ? h.GetInt64() : -1;

    /// <summary>Every node is up and reports the same head block (height and hash).</summary>
    public static bool SameHead(JsonElement network, int nodes) =>
        Nodes(network) is { } all && all.Count == nodes && all.All(n => n.GetProperty("status").GetString() == "Up")
        && all.Select(n => n.GetProperty("bestHash").GetString()).Distinct().Count() == 1 && all[0].GetProperty("bestHash").GetString() is not null
        && all.Select(HeightOf).Distinct().Count() == 1;

    /// <summary>Kills the node's process, as a crash would.</summary>
    public static void Kill(string dataDirectory, string networkId, string nodeName)
    {
        var pid = Assert.Single(Infrastructure.LeftoverProcesses.Under(Path.Combine(dataDirectory, "networks", networkId, nodeName) + "/"));
        System.Diagnostics.Process.GetProcessById(pid).Kill();
    }

    public static string Status(JsonElement network) => network.GetProperty("status").GetString()!;

    public static string NodeStatus(JsonElement network) => Node(network).GetProperty("status").GetString()!;

    public static long Height(JsonElement network) =>
        Node(network).GetProperty("blockHeight") is { ValueKind: JsonValueKind.Number } h ? h.GetInt64() : -1;

    public static object Profile(string name, int interval = 1, object? extra = null) => new
    {
        name,
        platform = "ethereum-anvil",
        blockIntervalSeconds = interval,
        chainId = 4242,
        accounts = new { count = 2, balanceEth = 50 },
    };
}
