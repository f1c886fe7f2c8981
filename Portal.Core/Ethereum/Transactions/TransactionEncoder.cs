using System.Numerics;
using NutPortal.Core.Ethereum.Rlp;

namespace NutPortal.Core.Ethereum.Transactions;

/// <summary>Serialisation of the three transaction types (EIP-155, EIP-2718 envelopes, EIP-2930, EIP-1559).</summary>
internal static class TransactionEncoder
{
    public static byte[] Encode(Transaction tx, bool includeSignature)
    {
        var fields = new List<byte[]>();
        var chainId = Quantity.Check(tx.ChainId, nameof(tx.ChainId));
        if (tx.Type != TransactionType.Legacy)
        {
            fields.Add(RlpEncoder.EncodeUInt(chainId));
        }
        fields.Add(RlpEncoder.EncodeUInt(Quantity.Check(tx.Nonce, nameof(tx.Nonce), 64)));
        switch (tx.Type)
        {
            case TransactionType.Legacy:
            case TransactionType.AccessList:
                fields.Add(RlpEncoder.EncodeUInt(Quantity.Check(tx.GasPrice, nameof(tx.GasPrice))));
                break;
            case TransactionType.DynamicFee:
                fields.Add(RlpEncoder.EncodeUInt(Quantity.Check(tx.MaxPriorityFeePerGas, nameof(tx.MaxPriorityFeePerGas))));
                fields.Add(RlpEncoder.EncodeUInt(Quantity.Check(tx.MaxFeePerGas, nameof(tx.MaxFeePerGas))));
                if (tx.MaxPriorityFeePerGas > tx.MaxFeePerGas)
                {
                    throw new ArgumentException("MaxPriorityFeePerGas cannot exceed MaxFeePerGas.", nameof(tx));
                }
                break;
            default:
                throw new TransactionException($"Unsupported transaction type {(int)tx.Type}.");
        }
        fields.Add(RlpEncoder.EncodeUInt(Quantity.Check(tx.GasLimit, nameof(tx.GasLimit))));
        fields.Add(RlpEncoder.EncodeBytes(tx.To is { } to ? to.Span : []));
        fields.Add(RlpEncoder.EncodeUInt(Quantity.Check(tx.Value, nameof(tx.Value))));
        fields.Add(RlpEncoder.EncodeBytes(tx.Data ?? []));
        if (tx.Type != TransactionType.Legacy)
        {
            fields.Add(EncodeAccessList(tx.AccessList ?? []));
        }
        var sig = includeSignature ? tx.Signature : null;
        if (tx.Type == TransactionType.Legacy)
        {
            if (sig is not null)
            {
                // EIP-155: v = chainId * 2 + 35 + parity; without a chain id, 27 + parity.
                var v = chainId.IsZero ? 27 + sig.YParity : (chainId * 2) + 35 + sig.YParity;
                AddSignature(fields, v, sig);
            }
            else if (!chainId.IsZero)
            {
                fields.Add(RlpEncoder.EncodeUInt(chainId));
                fields.Add(RlpEncoder.EncodeUInt(0));
                fields.Add(RlpEncoder.EncodeUInt(0));
            }
            return RlpEncoder.EncodeList(fields);
        }
        if (sig is not null)
        {
            AddSignature(fields, sig.YParity, sig);
        }
        return [(byte)tx.Type, .. RlpEncoder.EncodeList(fields)];
    }

    private static void AddSignature(List<byte[]> fields, BigInteger v, Keys.Signature sig)
    {
        fields.Add(RlpEncoder.EncodeUInt(v));
        fields.Add(RlpEncoder.EncodeUInt(sig.R));
        fields.Add(RlpEncoder.EncodeUInt(sig.S));
    }

    private static byte[] EncodeAccessList(IReadOnlyList<AccessListEntry> list)
    {
        var entries = new byte[list.Count][];
        for (var i = 0; i < list.Count; i++)
        {
            var keys = list[i].StorageKeys.Select(k => k.Length == 32
                ? RlpEncoder.EncodeBytes(k)
                : throw new ArgumentException($"Access list entry {i}: storage keys are 32 bytes, got {k.Length}.")).ToArray();
            entries[i] = RlpEncoder.EncodeList(RlpEncoder.EncodeBytes(list[i].Address.Span), RlpEncoder.EncodeList(keys));
        }
        return RlpEncoder.EncodeList(entries);
    }
}
