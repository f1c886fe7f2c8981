using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Core.Explorer;

/// <summary>Node JSON-RPC shapes to stored rows: hex lowercased, wei as decimal strings, times in UTC.</summary>
internal static class ChainRecordMapper
{
    public static ChainBlock Block(string networkId, RpcBlock block, DateTime indexedAt) => new()
    {
        NetworkId = networkId,
        Number = (long)block.Number,
        Hash = Lower(block.Hash),
        ParentHash = Lower(block.ParentHash),
        Timestamp = DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp).UtcDateTime,
        Miner = LowerOrNull(block.Miner),
        GasUsed = (long)block.GasUsed,
        GasLimit = (long)block.GasLimit,
        BaseFeePerGas = block.BaseFeePerGas is { } fee ? Wei.Store(fee) : null,
        TransactionCount = block.Transactions.Count,
        IndexedAt = indexedAt,
    };

    public static ChainTransaction Transaction(string networkId, RpcTransaction tx, RpcReceipt? receipt) => new()
    {
        NetworkId = networkId,
        Hash = Lower(tx.Hash),
        BlockNumber = (long)(tx.BlockNumber ?? receipt?.BlockNumber ?? 0),
        TransactionIndex = (int)(tx.TransactionIndex ?? receipt?.TransactionIndex ?? 0),
        From = Lower(tx.From),
        To = LowerOrNull(tx.To),
        ContractAddress = LowerOrNull(receipt?.ContractAddress),
        Value = Wei.Store(tx.Value),
        Nonce = (long)tx.Nonce,
        Gas = (long)tx.Gas,
        GasUsed = (long)(receipt?.GasUsed ?? 0),
        GasPrice = (receipt?.EffectiveGasPrice ?? tx.GasPrice) is { } price ? Wei.Store(price) : null,
        Status = receipt?.Status is { } status ? (int)status : null,
        Type = (int)(tx.Type ?? 0),
        Input = Lower(tx.Input),
        LogCount = receipt?.Logs.Count ?? 0,
    };

    public static ChainLog Log(string networkId, string transactionHash, long blockNumber, RpcLog log) => new()
    {
        NetworkId = networkId,
        TransactionHash = Lower(transactionHash),
        BlockNumber = blockNumber,
        LogIndex = (int)(log.LogIndex ?? 0),
        Address = Lower(log.Address),
        Topics = string.Join(',', log.Topics.Select(Lower)),
        Data = Lower(log.Data),
    };

    private static string Lower(string value) => value.ToLowerInvariant();

    private static string? LowerOrNull(string? value) => value?.ToLowerInvariant();
}
