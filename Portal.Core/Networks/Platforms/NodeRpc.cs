using System.Text.Json;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// JSON-RPC to the portal's own nodes in plain JSON (Neo and Litecoin; anvil's status calls too) over the shared
/// client (size cap, id checks, errors in 4xx/5xx bodies), with a short timeout. Every failure, including garbage in
/// the answer, becomes a <see cref="NodeRpcException"/> naming the method and the node.
/// </summary>
public sealed class NodeRpc(IJsonRpcClientFactory clients)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public Task<JsonElement> CallAsync(Uri url, string method, object[] parameters, string? basicAuth, CancellationToken ct) =>
        CallAsync(url, method, parameters, basicAuth, CallTimeout, ct);

    /// <summary>A node's answer within <paramref name="timeout"/> (reads get 5 s; one-off setup calls that write to disk get longer).</summary>
    public async Task<JsonElement> CallAsync(Uri url, string method, object[] parameters, string? basicAuth, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            return await clients.Create(url, JsonRpcJson.Plain, basicAuth).CallAsync<JsonElement>(method, parameters, timeout, ct);
        }
        catch (JsonRpcClientException ex)
        {
            throw Failure(url, ex);
        }
    }

    /// <summary>Sends the calls in one batch; the results come back in call order.</summary>
    public async Task<IReadOnlyList<JsonElement>> BatchAsync(Uri url, IReadOnlyList<(string Method, object[] Parameters)> calls, string? basicAuth, CancellationToken ct)
    {
        var batch = new JsonRpcBatch();
        var items = calls.Select(c => batch.Add<JsonElement>(c.Method, c.Parameters)).ToList();
        try
        {
            await clients.Create(url, JsonRpcJson.Plain, basicAuth).SendBatchAsync(batch, CallTimeout, ct);
            return items.Select(i => i.Result).ToList();
        }
        catch (JsonRpcClientException ex)
        {
            throw Failure(url, ex);
        }
    }

    /// <summary>Reads a value from an answer, turning a wrong shape into a <see cref="NodeRpcException"/>.</summary>
    public static T Read<T>(JsonElement element, Func<JsonElement, T> read, string what)
    {
        try
        {
            return read(element);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException or IndexOutOfRangeException or OverflowException)
        {
            throw new NodeRpcException($"Unexpected {what}: {Shorten(element)}", ex);
        }
    }

    private static NodeRpcException Failure(Uri url, JsonRpcClientException ex) => new($"{ex.Message} (node {url})", ex);

    private static string Shorten(JsonElement element)
    {
        var text = element.ValueKind == JsonValueKind.Undefined ? "(nothing)" : element.GetRawText();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
