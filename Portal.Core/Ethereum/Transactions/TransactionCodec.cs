using System.Numerics;
using Nethereum.Model;
using Nethereum.RLP;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Core.Ethereum.Transactions;

/// <summary>Maps Nethereum.Model's decoded transactions onto ours; anything it cannot read is a <see cref="TransactionException"/>.</summary>
internal static class TransactionCodec
{
    public static Transaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new TransactionException("Raw transaction is empty.");
        }
        if (raw[0] is > 2 and < 0xc0)
        {
            throw new TransactionException($"Unsupported transaction type 0x{raw[0]:x2}.");
        }
        Transaction tx;
        try
        {
            tx = raw[0] >= 0xc0 ? Legacy((RLPCollection)RLP.Decode(raw.ToArray())) : Typed(raw);
            _ = tx.Encode(); // range checks
        }
        catch (Exception e) when (e is not TransactionException)
        {
            throw new TransactionException($"Malformed transaction: {e.Message}", e);
        }
        if (tx.Type == TransactionType.DynamicFee && tx.MaxPriorityFeePerGas > tx.MaxFeePerGas)
        {
            throw new TransactionException("maxPriorityFeePerGas exceeds maxFeePerGas.");
        }
        if (tx.Signature is { IsLowS: false })
        {
            throw new TransactionException("Signature s is in the upper half of the curve order (EIP-2).");
        }
        return tx;
    }

    private static Transaction Typed(ReadOnlySpan<byte> raw)
    {
        var unsignedCount = raw[0] == 2 ? 9 : 8;
        var fields = (RLPCollection)RLP.Decode(raw[1..].ToArray());
        if (fields.Count != unsignedCount && fields.Count != unsignedCount + 3)
        {
            throw new TransactionException($"Type {raw[0]} transaction has {fields.Count} fields; expected {unsignedCount} or {unsignedCount + 3}.");
        }
        Keys.Signature? sig = null;
        if (fields.Count > unsignedCount)
        {
            var (parity, r, s) = (Uint(fields[unsignedCount]), Uint(fields[unsignedCount + 1]), Uint(fields[unsignedCount + 2]));
            // Nethereum writes an unsigned typed transaction with empty signature fields.
            sig = r.IsZero && s.IsZero ? null : parity <= 1
                ? new Keys.Signature(r, s, (int)parity)
                : throw new TransactionException("yParity must be 0 or 1.");
        }
        var tx = TransactionFactory.CreateTransaction(raw.ToArray()) switch
        {
            Transaction1559 t => Typed(TransactionType.DynamicFee, t.ChainId, t.Nonce, t.GasLimit, t.ReceiverAddress, t.Amount, t.Data, t.AccessList)
                with { MaxPriorityFeePerGas = t.MaxPriorityFeePerGas ?? 0, MaxFeePerGas = t.MaxFeePerGas ?? 0 },
            Transaction2930 t => Typed(TransactionType.AccessList, t.ChainId, t.Nonce, t.GasLimit, t.ReceiverAddress, t.Amount, t.Data, t.AccessList)
                with { GasPrice = t.GasPrice ?? 0 },
            var other => throw new TransactionException($"Unsupported transaction type {other.TransactionType}."),
        };
        return tx with { Signature = sig };
    }

    private static BigInteger Uint(IRLPElement e) => (e.RLPData ?? []).ToBigIntegerFromRLPDecoded();

    private static Transaction Typed(
        TransactionType type, BigInteger chainId, BigInteger? nonce, BigInteger? gas, string? to, BigInteger? value, string? data,
        List<AccessListItem>? access) => new()
    {
        Type = type,
        ChainId = chainId,
        Nonce = nonce ?? 0,
        GasLimit = gas ?? 0,
        To = string.IsNullOrEmpty(to) || to == "0x" ? null : Address.Parse(to),
        Value = value ?? 0,
        Data = Hex.Decode(data ?? ""),
        AccessList = (access ?? []).Select(a => new AccessListEntry(Address.Parse(a.Address), a.StorageKeys.Select(k => k.Length == 32
            ? k : throw new TransactionException($"An access list storage key is {k.Length} bytes.")).ToList())).ToList(),
    };

    /// <summary>Legacy fields from Nethereum's RLP; read here because Nethereum's legacy decoder refuses unsigned EIP-155 payloads.</summary>
    private static Transaction Legacy(RLPCollection items)
    {
        if (items.Count is not (6 or 9))
        {
            throw new TransactionException($"Legacy transaction has {items.Count} fields; expected 6 or 9.");
        }
        var f = items.Select(i => i.RLPData ?? []).ToArray();
        var tx = new Transaction
        {
            Type = TransactionType.Legacy,
            Nonce = f[0].ToBigIntegerFromRLPDecoded(),
            GasPrice = f[1].ToBigIntegerFromRLPDecoded(),
            GasLimit = f[2].ToBigIntegerFromRLPDecoded(),
            To = f[3].Length == 0 ? null : Address.FromBytes(f[3]),
            Value = f[4].ToBigIntegerFromRLPDecoded(),
            Data = f[5],
        };
        if (items.Count == 6)
        {
            return tx;
        }
        var v = f[6].ToBigIntegerFromRLPDecoded();
        var (r, s) = (f[7].ToBigIntegerFromRLPDecoded(), f[8].ToBigIntegerFromRLPDecoded());
        if (r.IsZero && s.IsZero)
        {
            return tx with { ChainId = v }; // an unsigned EIP-155 payload: the chain id where v goes
        }
        var parity = v == 27 || v == 28 ? v - 27 : v >= 35 ? (v - 35) % 2 : throw new TransactionException($"Legacy transaction has invalid v {v}.");
        return tx with { ChainId = v >= 35 ? (v - 35) / 2 : 0, Signature = new Keys.Signature(r, s, (int)parity) };
    }
}
