using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NutPortal.Tests.Networks;

/// <summary>A test's own calls to a portal-run litecoind, as a miner or operator outside the portal would make them.</summary>
internal static class LitecoinRpc
{
    /// <summary>Calls the node's RPC with the cookie litecoind wrote in its data folder (path: e.g. <c>wallet/portal</c>).</summary>
    public static async Task<JsonElement> CallAsync(string dataDirectory, string networkId, JsonElement node, string method, object[] parameters, string path = "")
    {
        var cookie = await File.ReadAllTextAsync(Path.Combine(dataDirectory, "networks", networkId, node.GetProperty("name").GetString()!, "regtest", ".cookie"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(cookie.Trim())));
        var response = await http.PostAsJsonAsync(node.GetProperty("rpcUrl").GetString() + "/" + path, new { jsonrpc = "1.0", id = 1, method, @params = parameters });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("result");
    }

    /// <summary>The node's peer-to-peer address (the port after its RPC port).</summary>
    public static string P2pAddress(JsonElement node)
    {
        var rpc = new Uri(node.GetProperty("rpcUrl").GetString()!);
        return $"{rpc.Host}:{rpc.Port + 1}";
    }
}
