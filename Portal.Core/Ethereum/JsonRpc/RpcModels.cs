using System.Numerics;

namespace NutPortal.Core.Ethereum.JsonRpc;

/// <summary>Call or transaction fields for eth_call, eth_estimateGas and eth_sendTransaction.</summary>
public sealed record RpcTransactionRequest
{
    public string? From { get; init; }

    /// <summary>Null to create a contract.</summary>
    public string? To { get; init; }
    public ulong? Gas { get; init; }
    public BigInteger? GasPrice { get; init; }
    public BigInteger? MaxFeePerGas { get; init; }
    public BigInteger? MaxPriorityFeePerGas { get; init; }
    public BigInteger? Value { get; init; }

    /// <summary>0x-prefixed calldata or init code. Sent as "input" (the current name; anvil and geth accept it).</summary>
    public string? Input { get; init; }
    public ulong? Nonce { get; init; }
}

/// <summary>txpool_status result.</summary>
public sealed record RpcTxPoolStatus
{
    public required ulong Pending { get; init; }
    public required ulong Queued { get; init; }
}

/// <summary>One frame of debug_traceTransaction with the callTracer; <see cref="Calls"/> holds nested frames.</summary>
public sealed record RpcCallFrame
{
    /// <summary>CALL, STATICCALL, DELEGATECALL, CALLCODE, CREATE, CREATE2, SELFDESTRUCT.</summary>
    public required string Type { get; init; }
    public required string From { get; init; }
    public string? To { get; init; }
    public BigInteger? Value { get; init; }
    public ulong? Gas { get; init; }
    public ulong? GasUsed { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? Error { get; init; }
    public string? RevertReason { get; init; }
    public IReadOnlyList<RpcCallFrame>? Calls { get; init; }

    /// <summary>This frame and all nested frames, depth first.</summary>
    public IEnumerable<RpcCallFrame> Flatten() => Calls is null ? [this] : Calls.SelectMany(c => c.Flatten()).Prepend(this);
}
