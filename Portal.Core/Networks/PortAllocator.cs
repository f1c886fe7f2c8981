using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Networks;

/// <summary>
/// Hands out loopback ports for local nodes from the configured range. Each node gets a block of
/// <see cref="PortsPerNode"/> consecutive ports (RPC, peer-to-peer, and a third some engines need, such as Neo's
/// WebSocket port), so nodes of every platform fit side by side and several networks of each kind run at once.
/// One allocation at a time (so two deployments started together never get the same port), skipping blocks
/// recorded for other nodes and ports some other program already listens on.
/// </summary>
public sealed class PortAllocator(IDbContextFactory<PortalDbContext> dbFactory, IOptions<NetworkOptions> options) : IDisposable
{
    public const int PortsPerNode = 3;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<int> _reserved = [];

    /// <summary>The first port of a free block; the node uses it and the next <see cref="PortsPerNode"/> - 1.</summary>
    public async Task<int> AllocateAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var used = (await db.NetworkNodes.Where(n => n.Port != null).Select(n => n.Port!.Value).ToListAsync(ct))
                .SelectMany(p => Enumerable.Range(p, PortsPerNode)).ToHashSet();
            var o = options.Value;
            for (var port = o.PortRangeStart; port + PortsPerNode - 1 <= o.PortRangeEnd; port++)
            {
                var block = Enumerable.Range(port, PortsPerNode).ToList();
                if (block.All(p => !used.Contains(p) && !_reserved.Contains(p) && IsFree(p)))
                {
                    _reserved.UnionWith(block);
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
            _reserved.ExceptWith(Enumerable.Range(port, PortsPerNode));
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
