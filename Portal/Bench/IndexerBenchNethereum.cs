using System.Diagnostics;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.Blocks;

namespace NutPortal.Web.Bench;

/// <summary>
/// The fetch-only pass again through Nethereum's own RPC stack (<see cref="RpcClient"/>, Newtonsoft, typed requests,
/// one <see cref="RpcRequestResponseBatch"/> per batch of blocks with their receipts), to compare with the indexer's
/// System.Text.Json transport over the same blocks. Nothing is stored.
/// </summary>
internal static class IndexerBenchNethereum
{
    public static async Task<(double Seconds, long Blocks, long Transactions)> FetchOnlyAsync(RpcClient client, long head, int perBatch)
    {
        var blocks = new EthGetBlockWithTransactionsByNumber(client);
        var receipts = new EthGetBlockReceiptsByNumber(client);
        long next = 0, transactions = 0;
        var clock = Stopwatch.StartNew();
        while (next <= head)
        {
            var batch = new RpcRequestResponseBatch();
            var count = (int)Math.Min(perBatch, head - next + 1);
            for (var i = 0; i < count; i++)
            {
                var number = new HexBigInteger(next + i);
                batch.BatchItems.Add(blocks.CreateBatchItem(number, 2 * i));
                batch.BatchItems.Add(receipts.CreateBatchItem(number, (2 * i) + 1));
            }
            var answered = await client.SendBatchRequestAsync(batch);
            foreach (var item in answered.BatchItems.OfType<RpcRequestResponseBatchItem<EthGetBlockWithTransactionsByNumber, Nethereum.RPC.Eth.DTOs.BlockWithTransactions>>())
            {
                transactions += item.Response.Transactions.Length;
            }
            next += count;
        }
        return (clock.Elapsed.TotalSeconds, next, transactions);
    }
}
