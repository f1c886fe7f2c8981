using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Live;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Persistence;

namespace NutPortal.Workers.Networks;

/// <summary>
/// Samples each Up node's chain state (height, head hash, peers, mempool size) through its platform once per
/// supervisor tick, publishes height changes live, and writes the height to the node's row at most every few
/// seconds (the live value is pushed; the stored one survives restarts).
/// </summary>
public sealed class BlockHeightTracker(IDbContextFactory<PortalDbContext> dbFactory, NodeRunner runner, LiveNotifier notifier, TimeProvider clock)
{
    /// <summary>How a node's row starts its error when reading its chain state failed (cleared by the next good sample).</summary>
    public const string ReadFailed = "Reading its chain state failed: ";

    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (NodeChainState State, DateTimeOffset PersistedAt)> _latest = new(StringComparer.Ordinal);

    public long? Latest(string nodeId) => _latest.TryGetValue(nodeId, out var entry) ? entry.State.Height : null;

    /// <summary>The node's last sampled chain state, or null before the first sample.</summary>
    public NodeChainState? State(string nodeId) => _latest.TryGetValue(nodeId, out var entry) ? entry.State : null;

    public void Forget(string nodeId) => _latest.TryRemove(nodeId, out _);

    public async Task SampleAsync(Network network, NetworkNode node, CancellationToken ct)
    {
        if (node.RpcUrl is null)
        {
            return;
        }
        NodeChainState state;
        try
        {
            state = await runner.PlatformFor(network).ReadStateAsync(node, ct);
        }
        catch (NodeRpcException ex)
        {
            // Process death is detected separately; a node that answers but not sensibly (garbage, a wrong shape, an
            // error) says so on its row, naming the call, while it stays Up and its stored height stays as it was.
            await RecordReadErrorAsync(network, node, ReadFailed + ex.Message, ct);
            return;
        }
        if (node.LastError?.StartsWith(ReadFailed, StringComparison.Ordinal) == true)
        {
            await RecordReadErrorAsync(network, node, null, ct);
        }
        var now = clock.GetUtcNow();
        var had = _latest.TryGetValue(node.Id, out var entry);
        var previousHeight = had ? entry.State.Height : node.BlockHeight ?? -1;
        var persistedAt = had ? entry.PersistedAt : DateTimeOffset.MinValue;
        var persist = state.Height != previousHeight && now - persistedAt >= PersistEvery;
        _latest[node.Id] = (state, persist ? now : persistedAt);
        if (state.Height == previousHeight)
        {
            return;
        }
        if (persist)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.NetworkNodes.Where(n => n.Id == node.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.BlockHeight, state.Height), ct);
        }
        await notifier.PublishAsync(new NodeHeightChanged(network.Id, node.Id, state.Height));
    }

    private async Task RecordReadErrorAsync(Network network, NetworkNode node, string? error, CancellationToken ct)
    {
        if (node.LastError == error)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.NetworkNodes.Where(n => n.Id == node.Id && n.Status == NodeStatus.Up).ExecuteUpdateAsync(s => s.SetProperty(n => n.LastError, error), ct);
        await notifier.PublishAsync(new NetworkChanged(network.Id));
    }
}
