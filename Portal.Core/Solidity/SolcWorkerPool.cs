using System.Collections.Concurrent;

namespace NutPortal.Core.Solidity;

/// <summary>Warm workers for one compiler version; at most PoolSizePerVersion compile at once.</summary>
internal sealed class SolcWorkerPool(SolcInstallation installation, SolcInstallation? legacyWrapper, SolidityCompilerOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.PoolSizePerVersion));
    private readonly ConcurrentBag<SolcWorker> _idle = [];
    private bool _disposed;
    private int _started;

    public SolcInstallation Installation => installation;

    /// <summary>Workers started so far (tests check recycling).</summary>
    internal int WorkersStarted => _started;

    /// <summary>Starts one worker ahead of demand, so the first compile does not pay the cold start.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            if (_idle.IsEmpty)
            {
                _idle.Add(await StartAsync(cancellationToken));
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public async Task<string> CompileAsync(string input, TimeSpan timeout, WorkerFault fault, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken);
        SolcWorker? worker = null;
        try
        {
            worker = TakeIdle() ?? await StartAsync(cancellationToken);
            var output = await worker.CompileAsync(input, timeout, fault, cancellationToken);
            // Retire workers that are old or bloated before they hit a hard limit mid-job.
            if (worker.IsAlive && worker.Compiles < options.MaxCompilesPerWorker
                && worker.ResidentBytes < options.MemoryLimitBytes / 2 && !_disposed)
            {
                _idle.Add(worker);
                worker = null;
            }
            return output;
        }
        finally
        {
            worker?.Dispose();
            _slots.Release();
        }
    }

    private Task<SolcWorker> StartAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        return SolcWorker.StartAsync(installation, legacyWrapper, options, cancellationToken);
    }

    private SolcWorker? TakeIdle()
    {
        while (_idle.TryTake(out var worker))
        {
            if (worker.IsAlive)
            {
                return worker;
            }
            worker.Dispose();
        }
        return null;
    }

    /// <summary>Kills idle workers (tests use this to simulate a crash between jobs).</summary>
    internal int KillIdle()
    {
        var killed = 0;
        foreach (var worker in _idle)
        {
            worker.Kill();
            killed++;
        }
        return killed;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var worker))
        {
            worker.Dispose();
        }
    }
}
