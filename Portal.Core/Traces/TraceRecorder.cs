using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Traces;

/// <summary>
/// Records the stages only the portal sees when it sends a transaction itself: call it with the times taken
/// around building/signing and around eth_sendRawTransaction. The chain-visible stages are derived later.
/// </summary>
public sealed class TraceRecorder(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task RecordSubmissionAsync(string networkId, string transactionHash, DateTime buildStarted, DateTime signedAt, DateTime submitted, CancellationToken ct = default)
    {
        var hash = transactionHash.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.TraceSpans.Add(new TraceSpan { NetworkId = networkId, TransactionHash = hash, Stage = TraceStages.BuiltAndSigned, StartedAt = buildStarted, EndedAt = signedAt });
        db.TraceSpans.Add(new TraceSpan { NetworkId = networkId, TransactionHash = hash, Stage = TraceStages.Submitted, StartedAt = signedAt, EndedAt = submitted });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The same stages for many transactions in one write: for senders of many transactions (workloads), where a
    /// write per transaction would cost more than sending it.
    /// </summary>
    public async Task RecordSubmissionsAsync(string networkId, IReadOnlyCollection<Submission> submissions, CancellationToken ct = default)
    {
        if (submissions.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var s in submissions)
        {
            var hash = s.TransactionHash.ToLowerInvariant();
            db.TraceSpans.Add(new TraceSpan { NetworkId = networkId, TransactionHash = hash, Stage = TraceStages.BuiltAndSigned, StartedAt = s.BuildStarted, EndedAt = s.SignedAt });
            db.TraceSpans.Add(new TraceSpan { NetworkId = networkId, TransactionHash = hash, Stage = TraceStages.Submitted, StartedAt = s.SignedAt, EndedAt = s.Submitted });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Spans measured elsewhere (per node, by a workload's watcher), in one write.</summary>
    public async Task RecordSpansAsync(string networkId, IReadOnlyCollection<TraceSpan> spans, CancellationToken ct = default)
    {
        if (spans.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var span in spans)
        {
            span.NetworkId = networkId;
            span.TransactionHash = span.TransactionHash.ToLowerInvariant();
            db.TraceSpans.Add(span);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A transfer workload's spans, which replace whatever was recorded for the same transactions: the trace watcher
    /// of a replica that did not know they were the workload's may have written its coarser ones first.
    /// </summary>
    public async Task ReplaceSpansAsync(string networkId, IReadOnlyCollection<TraceSpan> spans, CancellationToken ct = default)
    {
        var hashes = spans.Select(s => s.TransactionHash.ToLowerInvariant()).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in hashes.Chunk(500)) // SQLite limits the parameters of one statement
        {
            await db.TraceSpans.Where(s => s.NetworkId == networkId && chunk.Contains(s.TransactionHash)).ExecuteDeleteAsync(ct);
        }
        foreach (var span in spans)
        {
            span.NetworkId = networkId;
            span.TransactionHash = span.TransactionHash.ToLowerInvariant();
            db.TraceSpans.Add(span);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<TraceSpan>> SpansAsync(string networkId, string transactionHash, CancellationToken ct = default)
    {
        var hash = transactionHash.ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TraceSpans.AsNoTracking().Where(s => s.NetworkId == networkId && s.TransactionHash == hash).OrderBy(s => s.StartedAt).ToListAsync(ct);
    }
}

/// <summary>When the portal started building a transaction, had signed it, and had it accepted by the node.</summary>
public sealed record Submission(string TransactionHash, DateTime BuildStarted, DateTime SignedAt, DateTime Submitted);
