using System.Numerics;
using NutPortal.Core.Explorer;

namespace NutPortal.Web.Api;

public sealed record IndexerResource(long? IndexedHeight, long? NodeHeight, long? BlocksBehind, string? LastError, DateTime? UpdatedAt);

public sealed record BlockResource(long Number, string Hash, string ParentHash, DateTime Timestamp, string? Miner, long GasUsed, long GasLimit,
    string? BaseFeePerGas, int TransactionCount, IReadOnlyList<TransactionSummary>? Transactions);

public sealed record TransactionSummary(string Hash, long BlockNumber, int Index, string From, string? To, string? ContractAddress, string Value, string ValueEth, bool? Succeeded);

public sealed record LogResource(int Index, string Address, IReadOnlyList<string> Topics, string Data, DecodedAbiValue? Decoded);

public sealed record TransactionResource(string Hash, long BlockNumber, string BlockHash, DateTime Timestamp, int Index, string From, string? To,
    string? ContractAddress, string Value, string ValueEth, long Nonce, long Gas, long GasUsed, string? GasPrice, string Fee, string FeeEth,
    bool? Succeeded, int Type, string Input, DecodedAbiValue? DecodedInput, IReadOnlyList<LogResource> Logs, string? RevertReason);

public sealed record AddressResource(string Address, string? Balance, string? BalanceEth, long? Nonce, bool? IsContract, string? Code, string? NodeError,
    IReadOnlyList<TransactionSummary> Transactions, string? NextBefore);

/// <summary>Maps indexed rows to the explorer API's shapes (wei as decimal strings beside ETH).</summary>
public static class ExplorerResources
{
    public static IndexerResource From(IndexerStatus? status, long? indexed) =>
        new(status?.IndexedHeight ?? indexed, status?.NodeHeight, status?.BlocksBehind, status?.LastError, status?.UpdatedAt);

    public static BlockResource From(ChainBlock b, IReadOnlyList<ChainTransaction>? transactions = null) =>
        new(b.Number, b.Hash, b.ParentHash, b.Timestamp, b.Miner, b.GasUsed, b.GasLimit, b.BaseFeePerGas, b.TransactionCount,
            transactions?.Select(Summary).ToList());

    public static TransactionSummary Summary(ChainTransaction t) =>
        new(t.Hash, t.BlockNumber, t.TransactionIndex, t.From, t.To, t.ContractAddress, t.Value, Wei.ToEth(t.Value), Succeeded(t));

    public static TransactionResource From(TransactionDetail d, TransactionDecoding decoding, string? revertReason)
    {
        var t = d.Transaction;
        var fee = Fee(t);
        return new(t.Hash, t.BlockNumber, d.BlockHash, d.BlockTimestamp, t.TransactionIndex, t.From, t.To, t.ContractAddress, t.Value, Wei.ToEth(t.Value),
            t.Nonce, t.Gas, t.GasUsed, t.GasPrice, Wei.Store(fee), Wei.ToEth(fee), Succeeded(t), t.Type, t.Input, decoding.Call,
            [.. d.Logs.Select(l => new LogResource(l.LogIndex, l.Address, l.Topics.Length == 0 ? [] : l.Topics.Split(','), l.Data, decoding.Logs.GetValueOrDefault(l.LogIndex)))],
            revertReason);
    }

    public static BigInteger Fee(ChainTransaction t) => Wei.Parse(t.GasPrice) * t.GasUsed;

    private static bool? Succeeded(ChainTransaction t) => t.Status is { } s ? s == 1 : null;
}
