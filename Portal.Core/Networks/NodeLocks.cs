using System.Collections.Concurrent;

namespace NutPortal.Core.Networks;

/// <summary>
/// One operation per node at a time: deployment, operator actions and the supervisor take a node's lock, so
/// a restart by the supervisor never races an operator's stop.
/// </summary>
public sealed class NodeLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string nodeId, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(nodeId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    /// <summary>The lock if free right now, else null (the supervisor skips busy nodes).</summary>
    public IDisposable? TryAcquire(string nodeId)
    {
        var gate = _locks.GetOrAdd(nodeId, _ => new SemaphoreSlim(1, 1));
        return gate.Wait(0) ? new Releaser(gate) : null;
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
