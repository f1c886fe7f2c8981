using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace NutPortal.Core.JsonRpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP POST, for every node the portal talks to (Ethereum, Neo, Litecoin): per-call timeouts and
/// cancellation, a response size cap, id checks, and error objects read from 4xx/5xx bodies too. Thread-safe; the
/// <see cref="HttpClient"/> is not owned. <paramref name="json"/> is the node's dialect (Ethereum's hex quantities
/// or plain JSON); <paramref name="basicAuth"/> is "user:password" for nodes that ask for it.
/// </summary>
public sealed class JsonRpcClient(
    HttpClient http, Uri endpoint, JsonRpcClientOptions? options = null, JsonSerializerOptions? json = null, string? basicAuth = null) : IJsonRpcClient
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private readonly JsonRpcClientOptions _options = options ?? new JsonRpcClientOptions();
    private readonly JsonSerializerOptions _json = json ?? JsonRpcJson.Plain;
    private readonly AuthenticationHeaderValue? _authorization =
        basicAuth is null ? null : new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basicAuth)));
    private long _nextId;

    public Uri Endpoint { get; } = endpoint;

    public async Task<T> CallAsync<T>(
        string method, IReadOnlyList<object?>? parameters = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var body = Serialize(method, writer => WriteRequest(writer, id, method, parameters));
        using var response = await PostAsync(method, body, timeout, cancellationToken);
        return JsonRpcResponse.Read<T>(method, id, response.RootElement, _json);
    }

    public async Task SendBatchAsync(JsonRpcBatch batch, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (batch.Items.Count == 0)
        {
            return;
        }
        var name = batch.Describe();
        foreach (var item in batch.Items)
        {
            item.Id = Interlocked.Increment(ref _nextId);
        }
        var body = Serialize(name, writer =>
        {
            writer.WriteStartArray();
            foreach (var item in batch.Items)
            {
                WriteRequest(writer, item.Id, item.Method, item.Parameters);
            }
            writer.WriteEndArray();
        });
        using var response = await PostAsync(name, body, timeout, cancellationToken);
        var root = response.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
        {
            // The node rejected the batch as a whole (e.g. batches disabled or too large).
            throw JsonRpcResponse.Error(name, error);
        }
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonRpcProtocolException(name, $"expected an array of responses, got {root.ValueKind}");
        }
        var byId = new Dictionary<long, JsonElement>();
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.TryGetInt64(out var value))
            {
                byId[value] = element;
            }
        }
        foreach (var item in batch.Items)
        {
            if (byId.TryGetValue(item.Id, out var element))
            {
                item.Complete(element, _json);
            }
            else
            {
                item.Fail(new JsonRpcProtocolException(item.Method, $"the batch response has no answer for id {item.Id}"));
            }
        }
    }

    private async Task<JsonDocument> PostAsync(string method, byte[] body, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var limit = timeout ?? _options.Timeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(limit);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = JsonType;
            request.Headers.Authorization = _authorization;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            var bytes = await ReadLimitedAsync(method, response.Content, cts.Token);
            try
            {
                // Parse even on HTTP errors: nodes often put a JSON-RPC error object in a 4xx/5xx body.
                return JsonDocument.Parse(bytes);
            }
            catch (JsonException e)
            {
                var snippet = JsonRpcJson.Shorten(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200)));
                if (!response.IsSuccessStatusCode)
                {
                    throw new JsonRpcTransportException(method, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {snippet}", e);
                }
                throw new JsonRpcProtocolException(method, $"response is not JSON ({e.Message}): {snippet}", e);
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JsonRpcTimeoutException(method, limit, e);
        }
        catch (HttpRequestException e)
        {
            throw new JsonRpcTransportException(method, $"request to {Endpoint} failed: {e.Message}", e);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(string method, HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > _options.MaxResponseBytes)
        {
            throw new JsonRpcProtocolException(method, $"response of {content.Headers.ContentLength} bytes exceeds the limit of {_options.MaxResponseBytes}");
        }
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxResponseBytes)
            {
                throw new JsonRpcProtocolException(method, $"response exceeds the limit of {_options.MaxResponseBytes} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static byte[] Serialize(string method, Action<Utf8JsonWriter> write)
    {
        try
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            throw new JsonRpcClientException(method, $"parameters cannot be serialised: {e.Message}", e);
        }
    }

    private void WriteRequest(Utf8JsonWriter writer, long id, string method, IReadOnlyList<object?>? parameters)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WriteNumber("id", id);
        writer.WriteString("method", method);
        writer.WritePropertyName("params");
        JsonSerializer.Serialize(writer, parameters ?? [], _json);
        writer.WriteEndObject();
    }
}
