using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NutPortal.Tests.Oracle;

/// <summary>
/// A real HTTP server on 127.0.0.1 that oracle requests call: a JSON price, a redirect to any URL, a server that
/// fails before it answers, an endless body, a slow answer and a JSON-RPC node answering garbage. Counts the hits per path.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new();

    private LoopbackHttpServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    /// <summary>The server by name ("localhost", which tests allow), not by address.</summary>
    public string Localhost(string path) => $"http://localhost:{Port}{path}";

    public string Loopback(string path) => $"http://127.0.0.1:{Port}{path}";

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Use((context, next) =>
        {
            server._hits.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            return next(context);
        });
        app.UseRouting();
        app.MapGet("/price", () => Results.Text("""{"data":{"symbol":"NUT","price":"123.45","items":[{"up":true}]}}""", "application/json"));
        app.MapPost("/echo", async (HttpRequest request) => Results.Text(await new StreamReader(request.Body).ReadToEndAsync(), "application/json"));
        app.MapGet("/redirect", (string to) => Results.Redirect(to));
        // Hits are counted before the endpoint runs: the first two calls fail.
        app.MapGet("/flaky", () => server.Hits("/flaky") <= 2 ? Results.StatusCode(503) : Results.Text("""{"ok":true}""", "application/json"));
        app.MapGet("/down", () => Results.StatusCode(503));
        // A "node" whose JSON-RPC answers are well-formed but make no sense (a balance that is not a quantity).
        // Well-formed JSON-RPC (the request's ids echoed) whose first result is nonsense.
        app.MapPost("/garbage-rpc", async (HttpRequest request) =>
        {
            using var calls = await JsonDocument.ParseAsync(request.Body);
            var ids = calls.RootElement.ValueKind == JsonValueKind.Array
                ? calls.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetRawText()).ToList()
                : [calls.RootElement.GetProperty("id").GetRawText()];
            var results = ids.Select((id, i) => $$"""{"jsonrpc":"2.0","id":{{id}},"result":{{(i == 0 ? """{"balance":"lots"}""" : "\"0x10\"")}}}""");
            var body = string.Join(",", results);
            return Results.Text(calls.RootElement.ValueKind == JsonValueKind.Array ? $"[{body}]" : body, "application/json");
        });
        app.MapGet("/endless", async (HttpResponse response, CancellationToken ct) =>
        {
            var chunk = new byte[64 * 1024];
            while (!ct.IsCancellationRequested)
            {
                await response.Body.WriteAsync(chunk, ct);
            }
        });
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Text("late");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
