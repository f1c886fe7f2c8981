using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

/// <summary>
/// Hands out loopback ports for local nodes from the configured range. One allocation at a time (so two
/// deployments started together never get the same port), skipping ports recorded for other nodes and ports
/// some other program already listens on.
/// </summary>
public sealed class PortAllocator(IDbContextFactory<PortalDbContext> dbFactory, IOptions<NetworkOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<int> _reserved = [];

    public async Task<int> AllocateAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var used = (await db.NetworkNodes.Where(n => n.Port != null).Select(n => n.Port!.Value).ToListAsync(ct)).ToHashSet();
            var o = options.Value;
            for (var port = o.PortRangeStart; port <= o.PortRangeEnd; port++)
            {
                if (!used.Contains(port) && !_reserved.Contains(port) && IsFree(port))
                {
                    _reserved.Add(port);
                    return port;
                }
            }
            throw new InvalidOperationException(
                $"No free port in {o.PortRangeStart}-{o.PortRangeEnd}: delete unused networks or widen Portal:Networks:PortRangeStart/PortRangeEnd.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets an in-memory reservation once the port is recorded on a node, or when a deployment gives it back.</summary>
    public void Release(int port)
    {
        _gate.Wait();
        try
        {
            _reserved.Remove(port);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => _gate.Dispose();
}
