using System.Net;
using System.Net.Sockets;

namespace NutPortal.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of the portal, so a test can cut every open connection (the browser's
/// WebSocket among them) the way a network drop would, while new connections keep working.
/// </summary>
public sealed class TcpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();

    public TcpProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host == "localhost" ? "127.0.0.1" : target.Host), target.Port);
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int DroppedConnections { get; private set; }

    /// <summary>Closes every relayed connection at once.</summary>
    public void DropAllConnections()
    {
        lock (_lock)
        {
            foreach (var client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
            }
            DroppedConnections += _open.Count;
            _open.Clear();
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(_target, _stop.Token);
            lock (_lock)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), _stop.Token);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), _stop.Token);
            await Task.WhenAny(a, b);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A dropped or finished connection.
        }
        finally
        {
            lock (_lock)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
            }
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        DropAllConnections();
        _stop.Dispose();
    }
}
