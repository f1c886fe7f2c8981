using System.Numerics;

namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>A block as returned by eth_getBlockByNumber/eth_getBlockByHash with full transactions.</summary>
public sealed record RpcBlock
{
    public required ulong Number { get; init; }
    public required string Hash { get; init; }
    public required string ParentHash { get; init; }
    public required ulong Timestamp { get; init; }
    public required ulong GasLimit { get; init; }
    public required ulong GasUsed { get; init; }
    public string? Miner { get; init; }
    public string? StateRoot { get; init; }
    public string? TransactionsRoot { get; init; }
    public string? ReceiptsRoot { get; init; }
    public string? LogsBloom { get; init; }
    public string? ExtraData { get; init; }
    public BigInteger? BaseFeePerGas { get; init; }
    public BigInteger? Difficulty { get; init; }
    public ulong? Size { get; init; }
    public required IReadOnlyList<RpcTransaction> Transactions { get; init; }
    public IReadOnlyList<string>? Uncles { get; init; }
}

/// <summary>A transaction as returned by eth_getTransactionByHash or inside a full block.</summary>
public sealed record RpcTransaction
{
    public required string Hash { get; init; }
    public required ulong Nonce { get; init; }
    public required string From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public string? To { get; init; }
    public required BigInteger Value { get; init; }
    public required ulong Gas { get; init; }
    public BigInteger? GasPrice { get; init; }
    public BigInteger? MaxFeePerGas { get; init; }
    public BigInteger? MaxPriorityFeePerGas { get; init; }
    public required string Input { get; init; }

    /// <summary>0 legacy, 1 access list, 2 EIP-1559, 3 blob, 4 set-code.</summary>
    public ulong? Type { get; init; }
    public ulong? ChainId { get; init; }

    /// <summary>Null while pending.</summary>
    public string? BlockHash { get; init; }
    public ulong? BlockNumber { get; init; }
    public ulong? TransactionIndex { get; init; }
    public BigInteger? V { get; init; }
    public BigInteger? R { get; init; }
    public BigInteger? S { get; init; }
    public ulong? YParity { get; init; }
}
