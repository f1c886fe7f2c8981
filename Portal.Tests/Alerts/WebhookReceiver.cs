using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace NutPortal.Tests.Alerts;

/// <summary>A real HTTP endpoint on 127.0.0.1 that records the JSON bodies posted to it; the first <c>failFirst</c> calls get 503.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonElement> _received = new();
    private int _failures;

    public WebhookReceiver(int failFirst = 0)
    {
        _failures = failFirst;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public int Calls { get; private set; }

    public IReadOnlyList<JsonElement> Received => [.. _received];

    /// <summary>From now on every call succeeds (the receiver's outage is over).</summary>
    public void Recover() => Interlocked.Exchange(ref _failures, 0);

    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_received.FirstOrDefault(match) is { ValueKind: JsonValueKind.Object } hit)
            {
                return hit;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No matching webhook call; received: {string.Join(" | ", _received)}");
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            Calls++;
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                _received.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream));
                context.Response.StatusCode = 204;
            }
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
