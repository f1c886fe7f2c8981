using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NutPortal.Core.Networks.Platforms;

/// <summary>
/// JSON-RPC to the portal's own nodes (Neo, Litecoin and anvil all speak it over HTTP): one request or a batch
/// in one POST, optional basic authentication, a short timeout. Every failure, including garbage in the answer,
/// becomes a <see cref="NodeRpcException"/> naming the method and the node.
/// </summary>
public sealed class NodeRpc(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "node-rpc";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public async Task<JsonElement> CallAsync(Uri url, string method, object[] parameters, string? basicAuth, CancellationToken ct) =>
        (await BatchAsync(url, [(method, parameters)], basicAuth, ct))[0];

    /// <summary>Sends the calls in one batch; the results come back in call order.</summary>
    public async Task<IReadOnlyList<JsonElement>> BatchAsync(Uri url, IReadOnlyList<(string Method, object[] Parameters)> calls, string? basicAuth, CancellationToken ct)
    {
        var body = calls.Select((c, i) => new { jsonrpc = "2.0", id = i, method = c.Method, @params = c.Parameters }).ToArray();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        JsonElement answer;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            if (basicAuth is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basicAuth)));
            }
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            answer = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new NodeRpcException($"{calls[0].Method} at {url} failed: {ex.Message}", ex);
        }
        if (answer.ValueKind != JsonValueKind.Array)
        {
            throw new NodeRpcException($"{calls[0].Method} at {url} answered {Shorten(answer)} instead of a batch.");
        }
        var results = new JsonElement[calls.Count];
        foreach (var item in answer.EnumerateArray())
        {
            if (!item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || id.GetInt32() is var i && (i < 0 || i >= calls.Count))
            {
                throw new NodeRpcException($"{url} answered an unknown call: {Shorten(item)}");
            }
            if (item.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
            {
                throw new NodeRpcException($"{calls[i].Method} at {url}: {Shorten(error)}");
            }
            results[i] = item.TryGetProperty("result", out var result) ? result.Clone() : default;
        }
        if (results.Any(r => r.ValueKind == JsonValueKind.Undefined))
        {
            throw new NodeRpcException($"{url} left calls of the batch unanswered.");
        }
        return results;
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

    private static string Shorten(JsonElement element)
    {
        var text = element.ValueKind == JsonValueKind.Undefined ? "(nothing)" : element.GetRawText();
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
