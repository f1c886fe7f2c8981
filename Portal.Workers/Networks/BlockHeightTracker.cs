using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Networks;

/// <summary>
/// Samples each Up node's block height once per supervisor tick, publishes changes live, and writes them to
/// the node's row at most every few seconds (the live value is pushed; the stored one survives restarts).
/// </summary>
public sealed class BlockHeightTracker(IDbContextFactory<PortalDbContext> dbFactory, IJsonRpcClientFactory rpc, LiveNotifier notifier, TimeProvider clock)
{
    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (long Height, DateTimeOffset PersistedAt)> _latest = new(StringComparer.Ordinal);

    public long? Latest(string nodeId) => _latest.TryGetValue(nodeId, out var entry) ? entry.Height : null;

    public async Task SampleAsync(string networkId, NetworkNode node, CancellationToken ct)
    {
        if (node.RpcUrl is null)
        {
            return;
        }
        long height;
        try
        {
            height = (long)await rpc.Create(new Uri(node.RpcUrl)).GetBlockNumberAsync(ct);
        }
        catch (JsonRpcClientException)
        {
            return; // a busy node misses one sample; process death is detected separately
        }
        var now = clock.GetUtcNow();
        var previous = _latest.TryGetValue(node.Id, out var entry) ? entry : (Height: node.BlockHeight ?? -1, PersistedAt: DateTimeOffset.MinValue);
        if (height == previous.Height)
        {
            return;
        }
        var persist = now - previous.PersistedAt >= PersistEvery;
        _latest[node.Id] = (height, persist ? now : previous.PersistedAt);
        if (persist)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.NetworkNodes.Where(n => n.Id == node.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.BlockHeight, height), ct);
        }
        await notifier.PublishAsync(new NodeHeightChanged(networkId, node.Id, height));
    }
}
