using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Oracle;

namespace NutPortal.Tests.Networks;

/// <summary>
/// Running network rows whose nodes "run" at paths of a loopback server: a fake node, for answers a real node cannot be
/// made to give (garbage, an HTTP error). The supervisor marks an Up node whose process is gone Down, so a live process
/// naming each node's folder stands in for it; disposing kills them.
/// </summary>
internal sealed class FakeNodeNetworks(PortalFactory portal, LoopbackHttpServer server) : IAsyncDisposable
{
    private readonly List<Process> _standIns = [];

    /// <summary>Adds a Running <paramref name="platform"/> network with one Up node per path (node-1 at the first).</summary>
    public async Task<string> AddAsync(string platform, params string[] paths)
    {
        var id = $"g{Guid.NewGuid():N}"[..12];
        var network = new Network
        {
            Id = id, Name = "garbage-" + platform, Platform = platform, Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Running,
        };
        for (var i = 0; i < paths.Length; i++)
        {
            var dataDirectory = Path.Combine(portal.DataDirectory, "networks", id, $"node-{i + 1}");
            // Litecoin RPC authenticates with the cookie the node writes; the fake node's is any text.
            Directory.CreateDirectory(Path.Combine(dataDirectory, "regtest"));
            await File.WriteAllTextAsync(Path.Combine(dataDirectory, "regtest", ".cookie"), "__cookie__:fake");
            var standIn = Process.Start("sh", ["-c", "sleep 600", dataDirectory]);
            _standIns.Add(standIn);
            network.Nodes.Add(new NetworkNode
            {
                Id = $"{id}-{i + 1}", NetworkId = id, Name = $"node-{i + 1}", Status = NodeStatus.Up, RpcUrl = server.Loopback(paths[i]), DataDirectory = dataDirectory,
                ProcessId = standIn.Id,
            });
        }
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Networks.Add(network);
        await db.SaveChangesAsync();
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var standIn in _standIns)
        {
            standIn.Kill();
            await standIn.WaitForExitAsync();
            standIn.Dispose();
        }
    }
}
