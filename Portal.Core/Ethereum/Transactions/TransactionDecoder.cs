using System.Numerics;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Rlp;

namespace NutPortal.Core.Ethereum.Transactions;

/// <summary>Strict decoding of raw transactions; every failure is a <see cref="TransactionException"/>.</summary>
internal static class TransactionDecoder
{
    public static Transaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new TransactionException("Raw transaction is empty.");
        }
        try
        {
            return raw[0] switch
            {
                >= 0xc0 => DecodeLegacy(RlpDecoder.Decode(raw).Items),
                1 => DecodeTyped(TransactionType.AccessList, RlpDecoder.Decode(raw[1..]).Items),
                2 => DecodeTyped(TransactionType.DynamicFee, RlpDecoder.Decode(raw[1..]).Items),
                _ => throw new TransactionException($"Unsupported transaction type 0x{raw[0]:x2}."),
            };
        }
        catch (RlpException e)
        {
            throw new TransactionException($"Malformed transaction RLP: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new TransactionException($"Invalid transaction field: {e.Message}", e);
        }
    }

    private static Transaction DecodeLegacy(IReadOnlyList<RlpItem> f)
    {
        if (f.Count is not (6 or 9))
        {
            throw new TransactionException($"Legacy transaction has {f.Count} fields; expected 6 or 9.");
        }
        var tx = new Transaction
        {
            Type = TransactionType.Legacy,
            Nonce = UInt(f[0], "nonce", 8),
            GasPrice = UInt(f[1], "gasPrice"),
            GasLimit = UInt(f[2], "gasLimit"),
            To = To(f[3]),
            Value = UInt(f[4], "value"),
            Data = f[5].Bytes,
        };
        if (f.Count == 6)
        {
            return tx;
        }
        var v = UInt(f[6], "v");
        var r = UInt(f[7], "r");
        var s = UInt(f[8], "s");
        if (r.IsZero && s.IsZero)
        {
            return tx with { ChainId = v }; // unsigned EIP-155 payload
        }
        if (v == 27 || v == 28)
        {
            return tx with { Signature = MakeSignature(r, s, (int)(v - 27)) };
        }
        if (v < 35)
        {
            throw new TransactionException($"Legacy transaction has invalid v {v}.");
        }
        return tx with { ChainId = (v - 35) / 2, Signature = MakeSignature(r, s, (int)((v - 35) % 2)) };
    }

    private static Transaction DecodeTyped(TransactionType type, IReadOnlyList<RlpItem> f)
    {
        var unsignedCount = type == TransactionType.DynamicFee ? 9 : 8;
        if (f.Count != unsignedCount && f.Count != unsignedCount + 3)
        {
            throw new TransactionException($"Type {(int)type} transaction has {f.Count} fields; expected {unsignedCount} or {unsignedCount + 3}.");
        }
        var i = 0;
        var tx = new Transaction { Type = type, ChainId = UInt(f[i++], "chainId"), Nonce = UInt(f[i++], "nonce", 8) };
        tx = type == TransactionType.DynamicFee
            ? tx with { MaxPriorityFeePerGas = UInt(f[i++], "maxPriorityFeePerGas"), MaxFeePerGas = UInt(f[i++], "maxFeePerGas") }
            : tx with { GasPrice = UInt(f[i++], "gasPrice") };
        tx = tx with
        {
            GasLimit = UInt(f[i++], "gasLimit"),
            To = To(f[i++]),
            Value = UInt(f[i++], "value"),
            Data = f[i++].Bytes,
            AccessList = AccessList(f[i++]),
        };
        if (tx.MaxPriorityFeePerGas > tx.MaxFeePerGas)
        {
            throw new TransactionException("maxPriorityFeePerGas exceeds maxFeePerGas.");
        }
        if (f.Count == unsignedCount)
        {
            return tx;
        }
        var parity = UInt(f[i++], "yParity");
        if (parity > 1)
        {
            throw new TransactionException($"yParity must be 0 or 1, got {parity}.");
        }
        return tx with { Signature = MakeSignature(UInt(f[i++], "r"), UInt(f[i], "s"), (int)parity) };
    }

    private static Signature MakeSignature(BigInteger r, BigInteger s, int parity)
    {
        var sig = new Signature(r, s, parity);
        if (!sig.IsLowS)
        {
            throw new TransactionException("Signature s is in the upper half of the curve order (EIP-2).");
        }
        return sig;
    }

    private static BigInteger UInt(RlpItem item, string field, int maxBytes = 32)
    {
        try
        {
            return item.ToUInt(maxBytes);
        }
        catch (RlpException e)
        {
            throw new TransactionException($"Field {field}: {e.Message}", e);
        }
    }

    private static Address? To(RlpItem item) => item.Bytes.Length switch
    {
        0 => null,
        Address.Length => Address.FromBytes(item.Bytes),
        var n => throw new TransactionException($"Field to is {n} bytes; expected 0 or 20."),
    };

    private static List<AccessListEntry> AccessList(RlpItem item) =>
        item.Items.Select((e, i) =>
        {
            if (e.Items.Count != 2 || e.Items[0].Bytes.Length != Address.Length)
            {
                throw new TransactionException($"Access list entry {i} must be [address(20 bytes), [keys]].");
            }
            var keys = e.Items[1].Items.Select(k => k.Bytes.Length == 32
                ? k.Bytes
                : throw new TransactionException($"Access list entry {i} has a storage key of {k.Bytes.Length} bytes.")).ToList();
            return new AccessListEntry(Address.FromBytes(e.Items[0].Bytes), keys);
        }).ToList();
}
