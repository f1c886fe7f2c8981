using System.Text.Json;

namespace NutPortal.Core.JsonRpc;

/// <summary>Base of every failure the JSON-RPC client reports; <see cref="Method"/> names the call.</summary>
public class JsonRpcClientException : Exception
{
    public JsonRpcClientException()
    {
    }

    public JsonRpcClientException(string message)
        : base(message)
    {
    }

    public JsonRpcClientException(string message, Exception? inner)
        : base(message, inner)
    {
    }

    public JsonRpcClientException(string method, string message, Exception? inner = null)
        : base($"{method}: {message}", inner)
    {
        Method = method;
    }

    public string Method { get; } = "";
}

/// <summary>The node answered with a JSON-RPC error object.</summary>
public sealed class JsonRpcException : JsonRpcClientException
{
    public JsonRpcException()
    {
    }

    public JsonRpcException(string message)
        : base(message)
    {
    }

    public JsonRpcException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public JsonRpcException(string method, long code, string rpcMessage, JsonElement? data)
        : base(method, $"node error {code}: {rpcMessage}")
    {
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
    }

    /// <summary>The error code, e.g. -32601 (method not found) or 3 (execution reverted).</summary>
    public long Code { get; }

    /// <summary>The node's own message, unchanged.</summary>
    public string RpcMessage { get; } = "";

    /// <summary>The error object's "data" member, if any (a detached copy; Exception.Data is unrelated).</summary>
    public JsonElement? ErrorData { get; }

    /// <summary>The data member when it is a hex string, e.g. ABI-encoded revert data; otherwise null.</summary>
    public string? DataHex =>
        ErrorData is { ValueKind: JsonValueKind.String } d && d.GetString() is { } s && s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s : null;
}

/// <summary>The node's answer was not valid JSON-RPC (not JSON, wrong id, no result, unreadable value).</summary>
public sealed class JsonRpcProtocolException : JsonRpcClientException
{
    public JsonRpcProtocolException()
    {
    }

    public JsonRpcProtocolException(string message)
        : base(message)
    {
    }

    public JsonRpcProtocolException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public JsonRpcProtocolException(string method, string message, Exception? inner = null)
        : base(method, message, inner)
    {
    }
}

/// <summary>No answer arrived within the call's time limit.</summary>
public sealed class JsonRpcTimeoutException : JsonRpcClientException
{
    public JsonRpcTimeoutException()
    {
    }

    public JsonRpcTimeoutException(string message)
        : base(message)
    {
    }

    public JsonRpcTimeoutException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public JsonRpcTimeoutException(string method, TimeSpan timeout, Exception? inner = null)
        : base(method, $"no answer within {timeout.TotalSeconds:0.###} s", inner)
    {
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }
}

/// <summary>The node could not be reached or answered with an HTTP error and no JSON-RPC body.</summary>
public sealed class JsonRpcTransportException : JsonRpcClientException
{
    public JsonRpcTransportException()
    {
    }

    public JsonRpcTransportException(string message)
        : base(message)
    {
    }

    public JsonRpcTransportException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public JsonRpcTransportException(string method, string message, Exception? inner = null)
        : base(method, message, inner)
    {
    }
}
