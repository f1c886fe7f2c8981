using System.Text.Json;

namespace NutPortal.Core.JsonRpc;

/// <summary>Validates one JSON-RPC response object and reads its result or error.</summary>
internal static class JsonRpcResponse
{
    public static T Read<T>(string method, long id, JsonElement response, JsonSerializerOptions json)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            throw new JsonRpcProtocolException(method, $"expected a JSON-RPC response object, got {response.ValueKind}");
        }
        var hasId = response.TryGetProperty("id", out var idElement);
        var idMatches = hasId && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out var got) && got == id;
        if (response.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            // A node may answer an unparseable request with id null; the error is still the answer.
            if (idMatches || !hasId || idElement.ValueKind == JsonValueKind.Null)
            {
                throw Error(method, error);
            }
        }
        if (!idMatches)
        {
            throw new JsonRpcProtocolException(method, $"response id {(hasId ? idElement.GetRawText() : "missing")} does not match request id {id}");
        }
        if (!response.TryGetProperty("result", out var result))
        {
            throw new JsonRpcProtocolException(method, "response has neither result nor error");
        }
        try
        {
            return result.Deserialize<T>(json)!;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw new JsonRpcProtocolException(method, $"result cannot be read as {typeof(T).Name}: {e.Message}", e);
        }
    }

    public static JsonRpcClientException Error(string method, JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty("code", out var code) || !code.TryGetInt64(out var codeValue))
        {
            return new JsonRpcProtocolException(method, $"malformed error object: {JsonRpcJson.Shorten(error.GetRawText())}");
        }
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
        JsonElement? data = error.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d.Clone() : null;
        return new JsonRpcException(method, codeValue, message, data);
    }
}
