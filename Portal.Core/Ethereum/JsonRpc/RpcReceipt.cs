using System.Numerics;

namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>A receipt as returned by eth_getTransactionReceipt and eth_getBlockReceipts.</summary>
public sealed record RpcReceipt
{
    public required string TransactionHash { get; init; }
    public required ulong TransactionIndex { get; init; }
    public required string BlockHash { get; init; }
    public required ulong BlockNumber { get; init; }
    public required string From { get; init; }
    public string? To { get; init; }
    public required ulong CumulativeGasUsed { get; init; }
    public required ulong GasUsed { get; init; }
    public BigInteger? EffectiveGasPrice { get; init; }

    /// <summary>Set when the transaction created a contract.</summary>
    public string? ContractAddress { get; init; }
    public required IReadOnlyList<RpcLog> Logs { get; init; }
    public string? LogsBloom { get; init; }

    /// <summary>1 success, 0 failure (post-Byzantium receipts).</summary>
    public ulong? Status { get; init; }
    public ulong? Type { get; init; }

    public bool Succeeded => Status == 1;
}

/// <summary>An event log, from a receipt or eth_getLogs.</summary>
public sealed record RpcLog
{
    public required string Address { get; init; }
    public required IReadOnlyList<string> Topics { get; init; }
    public required string Data { get; init; }
    public ulong? BlockNumber { get; init; }
    public string? BlockHash { get; init; }
    public string? TransactionHash { get; init; }
    public ulong? TransactionIndex { get; init; }
    public ulong? LogIndex { get; init; }
    public bool Removed { get; init; }
}

/// <summary>eth_getLogs filter. Topic positions: null matches anything, a list matches any of its values.</summary>
public sealed record RpcLogFilter
{
    public BlockParameter? FromBlock { get; init; }
    public BlockParameter? ToBlock { get; init; }

    /// <summary>Exclusive with From/ToBlock.</summary>
    public string? BlockHash { get; init; }
    public IReadOnlyList<string>? Address { get; init; }
    public IReadOnlyList<IReadOnlyList<string>?>? Topics { get; init; }
}
