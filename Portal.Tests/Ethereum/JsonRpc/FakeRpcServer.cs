using System.Net;
using System.Text;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.JsonRpc;

/// <summary>
/// A loopback HTTP server answering every POST via <see cref="Handler"/>: for node misbehaviour a real
/// anvil cannot produce on demand (garbage, wrong ids, HTTP errors).
/// </summary>
internal sealed class FakeRpcServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeRpcServer(Func<JsonElement, (int Status, string Body)> handler)
    {
        Handler = handler;
        var port = FreePorts.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public Func<JsonElement, (int Status, string Body)> Handler { get; }

    /// <summary>Echoes the request id with <paramref name="result"/> (raw JSON).</summary>
    public static (int, string) Result(JsonElement request, string result) =>
        (200, $"{{\"jsonrpc\":\"2.0\",\"id\":{request.GetProperty("id").GetRawText()},\"result\":{result}}}");

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            using var request = JsonDocument.Parse(await reader.ReadToEndAsync());
            var (status, body) = Handler(request.RootElement);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
