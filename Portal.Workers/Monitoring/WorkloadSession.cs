using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Traces;

namespace NutPortal.Workers.Monitoring;

/// <summary>
/// One workload run: signs transactions with the network's funded accounts (round robin, local nonces), sends them
/// on a fixed schedule, and watches new blocks for their inclusion; latency is submit → first seen in a block.
/// Each transaction's built-and-signed and submitted stages are recorded for its trace like any portal-sent
/// transaction, written in batches off the sending loop (by the watcher, about once a second).
/// </summary>
internal sealed class WorkloadSession(
    IJsonRpcClient rpc, long chainId, IReadOnlyList<PrivateKey> keys, string networkId, TraceRecorder traces, TimeProvider time) : IDisposable
{
    // A counter contract: any call adds one to storage slot 0 (init code returns the 10-byte runtime).
    private static readonly byte[] CounterInitCode = Hex.Decode("0x600a600c600039600a6000f3" + "60005460010160005500");
    private static readonly TimeSpan InclusionTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<Submission> _submissions = new();
    private long _lastInclusion;

    public async Task<WorkloadReport> RunAsync(string kind, int rate, int duration, CancellationToken ct)
    {
        var nonces = new ulong[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            nonces[i] = await rpc.GetTransactionCountAsync(keys[i].Address.ToString(), BlockParameter.Pending, ct);
        }
        var baseFee = (await rpc.GetBlockByNumberAsync(BlockParameter.Latest, ct))?.BaseFeePerGas ?? 0;
        var maxFee = baseFee * 4 + 2_000_000_000;
        Address? target = null;
        if (kind == "contract-call")
        {
            var deploy = Sign(0, nonces[0]++, null, CounterInitCode, 200_000, maxFee);
            var receipt = await rpc.WaitForTransactionReceiptAsync(await rpc.SendRawTransactionAsync(Hex.Encode(deploy.Encode()), ct), InclusionTimeout, ct: ct);
            target = Address.Parse(receipt.ContractAddress ?? throw new InvalidOperationException("The counter contract was not created."));
        }
        var startBlock = await rpc.GetBlockNumberAsync(ct);
        var sending = true;
        var watcher = Task.Run(() => WatchAsync(startBlock, () => sending, ct), ct);
        int sent = 0, failed = 0, total = rate * duration;
        var firstSubmit = _clock.Elapsed;
        for (var i = 0; i < total; i++)
        {
            var due = firstSubmit + TimeSpan.FromSeconds((double)i / rate);
            if (due > _clock.Elapsed)
            {
                await Task.Delay(due - _clock.Elapsed, ct);
            }
            var account = i % keys.Count;
            var buildStarted = time.GetUtcNow().UtcDateTime;
            var transaction = target is { } contract
                ? Sign(account, nonces[account], contract, [], 60_000, maxFee)
                : Sign(account, nonces[account], PrivateKey.Generate().Address, [], 21_000, maxFee);
            var hash = Hex.Encode(transaction.Hash());
            var signedAt = time.GetUtcNow().UtcDateTime;
            _waiting[hash] = _clock.ElapsedTicks;
            try
            {
                await rpc.SendRawTransactionAsync(Hex.Encode(transaction.Encode()), ct);
                _submissions.Enqueue(new Submission(hash, buildStarted, signedAt, time.GetUtcNow().UtcDateTime));
                nonces[account]++;
                sent++;
            }
            catch (JsonRpcClientException)
            {
                _waiting.TryRemove(hash, out _);
                failed++;
            }
        }
        sending = false;
        await watcher;
        await FlushTracesAsync(ct);
        failed += _waiting.Count; // sent but not included in time
        var confirmed = _latencies.Count;
        var span = Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _lastInclusion)) - firstSubmit;
        var tps = confirmed == 0 ? 0 : confirmed / Math.Max(span.TotalSeconds, 1.0 / rate);
        return new WorkloadReport(sent, confirmed, failed, Math.Round(tps, 2), LatencySummary.From([.. _latencies]), target?.ToString());
    }

    private async Task WatchAsync(ulong from, Func<bool> sending, CancellationToken ct)
    {
        var next = from + 1;
        var giveUp = TimeSpan.MaxValue;
        var flushed = _clock.Elapsed;
        while (!ct.IsCancellationRequested)
        {
            if (_clock.Elapsed - flushed >= TimeSpan.FromSeconds(1))
            {
                flushed = _clock.Elapsed;
                await FlushTracesAsync(ct);
            }
            if (!sending() && giveUp == TimeSpan.MaxValue)
            {
                giveUp = _clock.Elapsed + InclusionTimeout;
            }
            if ((!sending() && _waiting.IsEmpty) || _clock.Elapsed > giveUp)
            {
                return;
            }
            var head = await rpc.GetBlockNumberAsync(ct);
            for (; next <= head; next++)
            {
                var block = await rpc.CallAsync<BlockSummary?>("eth_getBlockByNumber", [BlockParameter.FromNumber(next), false], null, ct);
                var seen = _clock.ElapsedTicks;
                foreach (var hash in block?.Transactions ?? [])
                {
                    if (_waiting.TryRemove(hash, out var submitted))
                    {
                        _latencies.Add(Stopwatch.GetElapsedTime(submitted, seen).TotalMilliseconds);
                        Interlocked.Exchange(ref _lastInclusion, seen);
                    }
                }
            }
            await Task.Delay(50, ct);
        }
    }

    private async Task FlushTracesAsync(CancellationToken ct)
    {
        var batch = new List<Submission>();
        while (_submissions.TryDequeue(out var submission))
        {
            batch.Add(submission);
        }
        await traces.RecordSubmissionsAsync(networkId, batch, ct);
    }

    private Transaction Sign(int account, ulong nonce, Address? to, byte[] data, ulong gas, BigInteger maxFee) => new Transaction
    {
        ChainId = chainId,
        Nonce = nonce,
        MaxPriorityFeePerGas = 1_000_000_000,
        MaxFeePerGas = maxFee,
        GasLimit = gas,
        To = to,
        Value = to is null || data.Length > 0 ? BigInteger.Zero : BigInteger.One,
        Data = data,
    }.Sign(keys[account]);

    public void Dispose()
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }
}
