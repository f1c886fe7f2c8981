using System.Collections.Concurrent;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// The transactions transfer workloads of this portal sent and trace themselves (at their finer interval), so the
/// <see cref="TraceWatcher"/> leaves them alone: a workload adds each id as soon as its node accepted it, before any
/// block can include it, so the watcher (which writes only once a transaction is in a block) never writes one.
/// Kept for <see cref="Kept"/>, longer than a workload waits for its last transaction.
/// </summary>
public sealed class WorkloadTransactions(TimeProvider time)
{
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(string Network, string Tx), DateTime> _sent = new();
    private long _expiredAtTicks;

    /// <summary>Adds a workload's transaction; ids older than <see cref="Kept"/> are let go now and then, on every replica.</summary>
    public void Add(string networkId, string tx)
    {
        var now = time.GetUtcNow().UtcDateTime;
        _sent[(networkId, tx)] = now;
        if (now.Ticks - Volatile.Read(ref _expiredAtTicks) > TimeSpan.TicksPerMinute)
        {
            Volatile.Write(ref _expiredAtTicks, now.Ticks); // two sends racing here both expire: harmless
            Expire();
        }
    }

    public bool Contains(string networkId, string tx) => _sent.ContainsKey((networkId, tx));

    /// <summary>Lets go of ids added more than <see cref="Kept"/> ago.</summary>
    public void Expire()
    {
        var before = time.GetUtcNow().UtcDateTime - Kept;
        foreach (var (key, _) in _sent.Where(s => s.Value < before))
        {
            _sent.TryRemove(key, out _);
        }
    }
}
