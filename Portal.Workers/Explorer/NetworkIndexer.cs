using Microsoft.Extensions.Logging;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Explorer;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Live;

namespace NutPortal.Workers.Explorer;

/// <summary>
/// Indexes one network's chain in order: resumes after the highest stored block, checks each new block's
/// parent hash against the stored chain (a mismatch removes the stored tip and walks back until the chains
/// agree), and backs off exponentially while the node does not answer.
/// </summary>
internal sealed class NetworkIndexer(
    string networkId,
    Func<CancellationToken, Task<Uri?>> nodeEndpoint,
    IJsonRpcClientFactory rpcFactory,
    ChainStore store,
    IndexerStatusBoard board,
    LiveNotifier notifier,
    ExplorerOptions options,
    TimeProvider clock,
    ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private (long Number, string Hash)? _head;
    private long _nodeHeight = -1;
    private int _failures;

    public async Task RunAsync(CancellationToken ct)
    {
        _head = await store.HeadAsync(networkId, ct);
        board.Update(networkId, old => new IndexerStatus(_head?.Number, old?.NodeHeight, clock.GetUtcNow().UtcDateTime, null, old?.Reorganisations ?? 0));
        while (!ct.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await StepAsync(ct) ? TimeSpan.Zero : TimeSpan.FromMilliseconds(options.PollIntervalMilliseconds);
                _failures = 0;
            }
            catch (Exception ex) when (ex is JsonRpcClientException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
            {
                wait = TimeSpan.FromSeconds(Math.Min(options.MaxRetryBackoffSeconds, Math.Pow(2, _failures++)));
                logger.LogInformation("Indexer for {Network} failed ({Message}); retrying in {Seconds} s", networkId, ex.Message, wait.TotalSeconds);
                board.Update(networkId, old => (old ?? new IndexerStatus(_head?.Number, null, default, null, 0)) with
                {
                    LastError = ex.Message,
                    UpdatedAt = clock.GetUtcNow().UtcDateTime,
                });
                _head = await store.HeadAsync(networkId, ct); // a failed write may have left the tip unknown
            }
            if (wait > TimeSpan.Zero)
            {
                await _wake.WaitAsync(wait, ct);
            }
        }
    }

    /// <summary>The node has a new block (the supervisor saw its height change): poll now instead of at the next interval.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // a wake-up is already pending
        }
        catch (ObjectDisposedException)
        {
            // the loop was stopped meanwhile
        }
    }

    public void Dispose() => _wake.Dispose();

    /// <summary>One poll; true when there is more to fetch at once.</summary>
    private async Task<bool> StepAsync(CancellationToken ct)
    {
        var endpoint = await nodeEndpoint(ct) ?? throw new InvalidOperationException("No node of the network is up.");
        var next = (_head?.Number ?? -1) + 1;
        var count = (int)Math.Clamp(_nodeHeight - next + 1, 1, options.BlocksPerBatch);
        var result = await BlockFetcher.FetchAsync(rpcFactory.CreateEthereum(endpoint), next, count, ct);
        _nodeHeight = result.NodeHeight;
        if (_head is { } tip && result.NodeHeight < tip.Number)
        {
            // The node went back (snapshot revert, shorter fork): drop what it no longer has.
            await ReplaceFromAsync(result.NodeHeight + 1, ct);
            return true;
        }
        var accepted = new List<FetchedBlock>();
        var parent = _head?.Hash;
        foreach (var fetched in result.Blocks)
        {
            if (parent is not null && !string.Equals(fetched.Block.ParentHash, parent, StringComparison.OrdinalIgnoreCase))
            {
                if (accepted.Count == 0)
                {
                    await ReplaceFromAsync(_head!.Value.Number, ct);
                    return true;
                }
                break;
            }
            accepted.Add(fetched);
            parent = fetched.Block.Hash.ToLowerInvariant();
        }
        if (accepted.Count > 0)
        {
            await store.AppendAsync(networkId, accepted, ct);
            var last = accepted[^1].Block;
            _head = ((long)last.Number, last.Hash.ToLowerInvariant());
        }
        Report(null);
        if (accepted.Count > 0)
        {
            await notifier.PublishAsync(new BlocksIndexed(networkId, (long)accepted[0].Block.Number, _head!.Value.Number, accepted.Sum(b => b.Block.Transactions.Count)));
        }
        return accepted.Count > 0 && _head!.Value.Number < _nodeHeight;
    }

    private async Task ReplaceFromAsync(long number, CancellationToken ct)
    {
        logger.LogInformation("Reorganisation on {Network}: replacing indexed blocks from {Number}", networkId, number);
        await store.RemoveFromAsync(networkId, number, ct);
        _head = await store.HeadAsync(networkId, ct);
        board.Update(networkId, old => (old ?? new IndexerStatus(null, null, default, null, 0)) with { Reorganisations = (old?.Reorganisations ?? 0) + 1 });
        Report(null);
        await notifier.PublishAsync(new BlocksIndexed(networkId, number, _head?.Number ?? -1, 0));
    }

    private void Report(string? error) =>
        board.Update(networkId, old => new IndexerStatus(_head?.Number, _nodeHeight, clock.GetUtcNow().UtcDateTime, error, old?.Reorganisations ?? 0));
}
