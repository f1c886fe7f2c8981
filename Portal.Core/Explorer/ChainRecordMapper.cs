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

    /// <summary>keccak256("Transfer(address,address,uint256)"): the ERC-20 and ERC-721 Transfer event.</summary>
    public const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    public static ChainLog Log(string networkId, string transactionHash, long blockNumber, RpcLog log)
    {
        var transfer = log.Topics.Count is 3 or 4 && string.Equals(log.Topics[0], TransferTopic, StringComparison.OrdinalIgnoreCase);
        return new()
        {
            NetworkId = networkId,
            TransactionHash = Lower(transactionHash),
            BlockNumber = blockNumber,
            LogIndex = (int)(log.LogIndex ?? 0),
            Address = Lower(log.Address),
            Topics = string.Join(',', log.Topics.Select(Lower)),
            Data = Lower(log.Data),
            TransferFrom = transfer ? TopicAddress(log.Topics[1]) : null,
            TransferTo = transfer ? TopicAddress(log.Topics[2]) : null,
        };
    }

    /// <summary>The address in an indexed address topic (its last 20 bytes); null when the topic is not 32 bytes.</summary>
    private static string? TopicAddress(string topic) => topic.Length == 66 ? "0x" + Lower(topic[26..]) : null;

    private static string Lower(string value) => value.ToLowerInvariant();

    private static string? LowerOrNull(string? value) => value?.ToLowerInvariant();
}
