using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NutPortal.Tests.Networks.Kubernetes;

/// <summary>
/// A recording stand-in for a Kubernetes API server on loopback (Kestrel), for the cluster that cannot run on the
/// test machine: it keeps the objects it is sent by path, answers server-side apply (201 created, 200 updated),
/// reads, lists by label selector, watches (events the test queues, then the stream stays open), scale patches,
/// deletes (404 Status when missing) and pod logs, and fails any request the test names with a Status object.
/// A kubeconfig pointing at it is written for the API client to load.
/// </summary>
internal sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _objects = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("nutportal-kube-").FullName;
    private int _version;

    private FakeKubernetesApi(WebApplication app) => _app = app;

    public List<Recorded> Requests { get; } = [];

    /// <summary>Requests to fail: (verb, path) to (HTTP status, message of the Status answer).</summary>
    public ConcurrentDictionary<(string Verb, string Path), (int Code, string Message)> Failures { get; } = new();

    /// <summary>Watch events (type, object) sent on the next watch, in order; the stream then stays open.</summary>
    public ConcurrentQueue<(string Type, JsonObject Object)> WatchEvents { get; } = new();

    public Dictionary<string, string> PodLogs { get; } = [];

    public string Kubeconfig => Path.Combine(_dir, "kubeconfig");

    public static async Task<FakeKubernetesApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeKubernetesApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        await File.WriteAllTextAsync(api.Kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {app.Urls.Single()}
            users:
            - name: tester
              user:
                token: test-token
            contexts:
            - name: fake
              context:
                cluster: fake
                user: tester
            current-context: fake
            """);
        return api;
    }

    public bool Has(string path) => _objects.ContainsKey(path);

    public JsonObject Object(string path) => _objects[path];

    /// <summary>Sets a stored object's <c>status</c> (as the controllers would).</summary>
    public void SetStatus(string path, JsonObject status) => _objects[path]["status"] = status;

    /// <summary>Stores an object as if something else had created it (a pod the StatefulSet controller made).</summary>
    public void Put(string path, JsonObject value) => _objects[path] = value;

    public List<Recorded> Verbs(string verb) => [.. Requests.Where(r => r.Verb == verb)];

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var path = request.Path.Value!;
        var recorded = new Recorded(request.Method, path, request.QueryString.Value ?? "", request.ContentType, body, request.Headers.Authorization.ToString());
        lock (Requests)
        {
            Requests.Add(recorded);
        }
        if (Failures.TryGetValue((request.Method, path), out var failure))
        {
            await StatusAsync(context, failure.Code, failure.Message);
            return;
        }
        switch (request.Method)
        {
            case "PATCH" when path.EndsWith("/scale", StringComparison.Ordinal):
                var owner = path[..^"/scale".Length];
                if (!_objects.TryGetValue(owner, out var scaled))
                {
                    await StatusAsync(context, 404, $"{owner} not found");
                    return;
                }
                scaled["spec"]!["replicas"] = JsonNode.Parse(body)!["spec"]!["replicas"]!.DeepClone();
                await JsonAsync(context, 200, new JsonObject { ["kind"] = "Scale", ["apiVersion"] = "autoscaling/v1", ["spec"] = new JsonObject { ["replicas"] = scaled["spec"]!["replicas"]!.DeepClone() } });
                return;
            case "PATCH":
                var applied = JsonNode.Parse(body)!.AsObject();
                var existed = _objects.TryGetValue(path, out var previous);
                var metadata = applied["metadata"]!.AsObject();
                metadata["resourceVersion"] = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
                metadata["generation"] = (previous?["metadata"]?["generation"]?.GetValue<long>() ?? 0) + 1;
                if (previous?["status"] is { } status)
                {
                    applied["status"] = status.DeepClone();
                }
                _objects[path] = applied;
                await JsonAsync(context, existed ? 200 : 201, applied);
                return;
            case "GET" when path.EndsWith("/log", StringComparison.Ordinal):
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(PodLogs.GetValueOrDefault(path[..^"/log".Length], ""));
                return;
            case "GET" when request.Query["watch"] == "true":
                await WatchAsync(context);
                return;
            case "GET" when _objects.TryGetValue(path, out var found):
                await JsonAsync(context, 200, found);
                return;
            case "GET" when IsCollection(path):
                await JsonAsync(context, 200, List(path, request.Query["labelSelector"].ToString()));
                return;
            case "DELETE" when IsCollection(path):
                var deleted = List(path, request.Query["labelSelector"].ToString());
                foreach (var key in _objects.Keys.Where(k => k.StartsWith(path + "/", StringComparison.Ordinal) && Matches(_objects[k], request.Query["labelSelector"].ToString())).ToList())
                {
                    _objects.TryRemove(key, out _);
                }
                await JsonAsync(context, 200, deleted);
                return;
            case "DELETE" when _objects.TryRemove(path, out var removed):
                // The API server answers a delete with the object as it was (being deleted).
                await JsonAsync(context, 200, removed);
                return;
            default:
                await StatusAsync(context, 404, $"{path} not found");
                return;
        }
    }

    private async Task WatchAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        while (WatchEvents.TryDequeue(out var e))
        {
            await context.Response.WriteAsync(new JsonObject { ["type"] = e.Type, ["object"] = e.Object.DeepClone() }.ToJsonString() + "\n");
            await context.Response.Body.FlushAsync();
        }
        // A real watch stays open until the client or the server's own timeout ends it.
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A namespaced collection: /api/v1/namespaces/{ns}/{plural} or /apis/{group}/{version}/namespaces/{ns}/{plural}.</summary>
    private static bool IsCollection(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length == (path.StartsWith("/apis/", StringComparison.Ordinal) ? 6 : 5);

    private JsonObject List(string path, string selector) => new()
    {
        ["kind"] = "List",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = _version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        ["items"] = new JsonArray([.. _objects.Where(e => e.Key.StartsWith(path + "/", StringComparison.Ordinal) && e.Key.Count(c => c == '/') == path.Count(c => c == '/') + 1 && Matches(e.Value, selector))
            .OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value.DeepClone())]),
    };

    private static bool Matches(JsonObject item, string selector) =>
        selector.Split(',', StringSplitOptions.RemoveEmptyEntries).All(term =>
            term.Split('=') is [var key, var value] && item["metadata"]?["labels"]?[key]?.GetValue<string>() == value);

    private static Task StatusAsync(HttpContext context, int code, string message) =>
        JsonAsync(context, code, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["message"] = message, ["code"] = code });

    private static async Task JsonAsync(HttpContext context, int code, JsonNode value)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(value.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>One request as the API server saw it.</summary>
    public sealed record Recorded(string Verb, string Path, string Query, string? ContentType, string Body, string Authorization);
}
