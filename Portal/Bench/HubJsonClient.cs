using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace NutPortal.Web.Bench;

/// <summary>
/// A minimal SignalR client over WebSockets and the JSON hub protocol (the .NET client package is not available
/// here): negotiate, handshake, JoinNetwork, then it stamps the arrival of every "metrics" message by the
/// sequence number the bench puts in its tps value, and pings so the server keeps the connection.
/// </summary>
internal sealed class HubJsonClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private static readonly HttpClient Negotiator = new();
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private Task _pinging = Task.CompletedTask;

    private HubJsonClient(int updates) => Received = new long[updates];

    /// <summary>Stopwatch timestamp of arrival per update sequence number; 0 while not received.</summary>
    public long[] Received { get; }

    public static async Task<HubJsonClient> ConnectAsync(Uri portal, string token, string networkId, int updates, CancellationToken ct)
    {
        var client = new HubJsonClient(updates);
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, new Uri(portal, "hubs/live/negotiate?negotiateVersion=1"));
        negotiate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await Negotiator.SendAsync(negotiate, ct);
        answer.EnsureSuccessStatusCode();
        var connectionToken = (await answer.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("connectionToken").GetString();
        client._socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        var ws = new UriBuilder(portal) { Scheme = portal.Scheme == "https" ? "wss" : "ws", Path = "hubs/live", Query = $"id={Uri.EscapeDataString(connectionToken!)}" };
        await client._socket.ConnectAsync(ws.Uri, ct);
        await client.SendAsync("{\"protocol\":\"json\",\"version\":1}", ct);
        await client.ReadMessagesAsync(ct); // the handshake answer: {}
        await client.SendAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"JoinNetwork\",\"arguments\":[\"{networkId}\"]}}", ct);
        while (!(await client.ReadMessagesAsync(ct)).Any(m => m.Contains("\"invocationId\":\"1\"", StringComparison.Ordinal)))
        {
            // pings before the completion are skipped
        }
        client._receiving = Task.Run(client.ReceiveLoopAsync, CancellationToken.None);
        client._pinging = Task.Run(client.PingLoopAsync, CancellationToken.None);
        return client;
    }

    private Task SendAsync(string message, CancellationToken ct) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + Separator), WebSocketMessageType.Text, true, ct);

    private async Task<List<string>> ReadMessagesAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(), ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The hub closed the connection.");
            }
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return [.. Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length).Split(Separator, StringSplitOptions.RemoveEmptyEntries)];
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var messages = await ReadMessagesAsync(_stop.Token);
                var arrived = Stopwatch.GetTimestamp(); // stamped before parsing: parsing is the client's cost, not delivery
                foreach (var message in messages.Where(m => m.Contains("\"target\":\"metrics\"", StringComparison.Ordinal)))
                {
                    var sampled = JsonDocument.Parse(message).RootElement.GetProperty("arguments")[0];
                    var sequence = (int)sampled.GetProperty("points")[0].GetProperty("value").GetDouble();
                    if (sequence >= 0 && sequence < Received.Length)
                    {
                        Received[sequence] = arrived;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // closed by the bench or the server; what arrived is kept
        }
    }

    private async Task PingLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), _stop.Token);
                await SendAsync("{\"type\":6}", _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // stopping
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // the server already went away
        }
        await Task.WhenAll(_receiving, _pinging);
        _socket.Dispose();
        _stop.Dispose();
    }
}
