using System.Text.Json;

namespace NutPortal.Core.JsonRpc;

/// <summary>Calls to send together: add them, send with <see cref="IJsonRpcClient.SendBatchAsync"/>, then read each item.</summary>
public sealed class JsonRpcBatch
{
    private readonly List<JsonRpcBatchItem> _items = [];

    public IReadOnlyList<JsonRpcBatchItem> Items => _items;

    public JsonRpcBatchItem<T> Add<T>(string method, params object?[] parameters)
    {
        var item = new JsonRpcBatchItem<T>(method, parameters);
        _items.Add(item);
        return item;
    }

    internal string Describe() => $"batch({string.Join(", ", _items.Select(i => i.Method).Distinct())})";
}

public abstract class JsonRpcBatchItem(string method, IReadOnlyList<object?> parameters)
{
    public string Method { get; } = method;

    public IReadOnlyList<object?> Parameters { get; } = parameters;

    internal long Id { get; set; }

    /// <summary>Why this call failed, or null once it succeeded (and before the batch was sent).</summary>
    public JsonRpcClientException? Error { get; private protected set; }

    public bool IsCompleted { get; private protected set; }

    internal abstract void Complete(JsonElement response, JsonSerializerOptions json);

    internal void Fail(JsonRpcClientException error)
    {
        Error = error;
        IsCompleted = true;
    }
}

public sealed class JsonRpcBatchItem<T>(string method, IReadOnlyList<object?> parameters) : JsonRpcBatchItem(method, parameters)
{
    private T? _result;

    /// <summary>The call's result; throws this call's error if it failed.</summary>
    public T Result =>
        !IsCompleted ? throw new InvalidOperationException($"{Method}: the batch has not been sent")
        : Error is not null ? throw Error
        : _result!;

    internal override void Complete(JsonElement response, JsonSerializerOptions json)
    {
        try
        {
            _result = JsonRpcResponse.Read<T>(Method, Id, response, json);
            IsCompleted = true;
        }
        catch (JsonRpcClientException e)
        {
            Fail(e);
        }
    }
}
