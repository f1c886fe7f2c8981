using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Persistence;

namespace NutPortal.Core.Explorer;

/// <summary>A block fetched from a node together with its receipts.</summary>
public sealed record FetchedBlock(RpcBlock Block, IReadOnlyList<RpcReceipt> Receipts);

/// <summary>The indexer's write side: appends blocks in order and removes blocks a reorganisation replaced.</summary>
public sealed class ChainStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Transactions stored per database commit (whole blocks; a bigger block goes alone).</summary>
    public const int TransactionsPerCommit = 2000;

    /// <summary>The highest stored block (number and hash), or null when nothing is indexed yet.</summary>
    public async Task<(long Number, string Hash)?> HeadAsync(string networkId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.ChainBlocks.AsNoTracking().Where(b => b.NetworkId == networkId)
            .OrderByDescending(b => b.Number).Select(b => new { b.Number, b.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? null : (head.Number, head.Hash);
    }

    /// <summary>
    /// Stores blocks with their transactions and logs, in order, with multi-row INSERTs (<see cref="ChainRowWriter"/>).
    /// Whole blocks go into database transactions of about <see cref="TransactionsPerCommit"/> transactions each:
    /// one transaction per poll of full blocks held SQLite's single write lock long enough (tens of seconds on a
    /// busy machine) for other writers to time out. A block already stored (another portal indexed it first)
    /// violates the blocks' primary key and rolls its commit back; the indexer then re-reads the stored head.
    /// </summary>
    public async Task AppendAsync(string networkId, IReadOnlyList<FetchedBlock> blocks, CancellationToken ct)
    {
        var start = 0;
        while (start < blocks.Count)
        {
            var end = start;
            var transactions = 0;
            while (end < blocks.Count && (end == start || transactions + blocks[end].Block.Transactions.Count <= TransactionsPerCommit))
            {
                transactions += blocks[end++].Block.Transactions.Count;
            }
            await CommitAsync(networkId, blocks.Skip(start).Take(end - start), ct);
            start = end;
        }
    }

    private async Task CommitAsync(string networkId, IEnumerable<FetchedBlock> blocks, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var blockRows = new List<ChainBlock>();
        var transactionRows = new List<ChainTransaction>();
        var logRows = new List<ChainLog>();
        foreach (var fetched in blocks)
        {
            var receipts = fetched.Receipts.ToDictionary(r => r.TransactionHash.ToLowerInvariant(), StringComparer.Ordinal);
            blockRows.Add(ChainRecordMapper.Block(networkId, fetched.Block, now));
            foreach (var tx in fetched.Block.Transactions)
            {
                var receipt = receipts.GetValueOrDefault(tx.Hash.ToLowerInvariant());
                transactionRows.Add(ChainRecordMapper.Transaction(networkId, tx, receipt));
                foreach (var log in receipt?.Logs ?? [])
                {
                    logRows.Add(ChainRecordMapper.Log(networkId, tx.Hash, (long)fetched.Block.Number, log));
                }
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ChainRowWriter.InsertAsync(db, blockRows, ct);
        await ChainRowWriter.InsertAsync(db, transactionRows, ct);
        await ChainRowWriter.InsertAsync(db, logRows, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Deletes block <paramref name="fromNumber"/> and everything above it (a reorganisation replaced them).</summary>
    public async Task RemoveFromAsync(string networkId, long fromNumber, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ChainLogs.Where(l => l.NetworkId == networkId && l.BlockNumber >= fromNumber).ExecuteDeleteAsync(ct);
        await db.ChainTransactions.Where(t => t.NetworkId == networkId && t.BlockNumber >= fromNumber).ExecuteDeleteAsync(ct);
        await db.ChainBlocks.Where(b => b.NetworkId == networkId && b.Number >= fromNumber).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
