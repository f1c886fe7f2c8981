using System.Numerics;
using Nethereum.Model;
using Nethereum.RLP;
using Nethereum.Util;
using NutPortal.Core.Ethereum.Keys;
using NethereumSignature = Nethereum.Model.Signature;

namespace NutPortal.Core.Ethereum.Transactions;

/// <summary>Transaction envelope types.</summary>
public enum TransactionType
{
    /// <summary>Legacy (EIP-155 replay protection when ChainId is non-zero).</summary>
    Legacy = 0,

    /// <summary>EIP-2930 access-list transaction.</summary>
    AccessList = 1,

    /// <summary>EIP-1559 dynamic-fee transaction.</summary>
    DynamicFee = 2,
}

/// <summary>An EIP-2930 access-list entry; storage keys are 32 bytes each.</summary>
public sealed record AccessListEntry(Address Address, IReadOnlyList<byte[]> StorageKeys);

/// <summary>
/// The portal's transaction (legacy, EIP-2930 or EIP-1559): our fields and range checks; encoding, hashing and
/// decoding are Nethereum.Model's, signing Nethereum.Signer's (see <see cref="PrivateKey"/>). For legacy
/// transactions ChainId 0 means no EIP-155 replay protection.
/// </summary>
public sealed record Transaction
{
    public TransactionType Type { get; init; } = TransactionType.DynamicFee;
    public BigInteger ChainId { get; init; }
    public BigInteger Nonce { get; init; }

    /// <summary>Legacy and EIP-2930 gas price.</summary>
    public BigInteger GasPrice { get; init; }

    /// <summary>EIP-1559 tip and fee cap: the sender's explicit fee strategy, never filled in by a library.</summary>
    public BigInteger MaxPriorityFeePerGas { get; init; }
    public BigInteger MaxFeePerGas { get; init; }
    public BigInteger GasLimit { get; init; }

    /// <summary>Recipient; null for contract creation.</summary>
    public Address? To { get; init; }
    public BigInteger Value { get; init; }
    public byte[] Data { get; init; } = [];
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>Null while unsigned.</summary>
    public Keys.Signature? Signature { get; init; }

    /// <summary>The bytes whose Keccak-256 is signed.</summary>
    public byte[] EncodeUnsigned() => ToNethereum(withSignature: false).GetRLPEncodedRaw();

    /// <summary>Raw transaction bytes (typed envelope for types 1 and 2), as sent to eth_sendRawTransaction.</summary>
    public byte[] Encode() => ToNethereum(withSignature: true).GetRLPEncoded();

    /// <summary>Keccak-256 of the unsigned payload: the digest the sender signs.</summary>
    public byte[] SigningHash() => ToNethereum(withSignature: false).RawHash;

    public byte[] Hash() =>
        Signature is null ? throw new InvalidOperationException("An unsigned transaction has no hash.") : Sha3Keccack.Current.CalculateHash(Encode());

    public Transaction Sign(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return this with { Signature = key.Sign(SigningHash()) };
    }

    /// <summary>The sender recovered from the signature, or null when unsigned.</summary>
    public Address? RecoverSender() => Signature is null ? null : Ecdsa.RecoverAddress(SigningHash(), Signature);

    /// <summary>Decodes raw transaction bytes (signed or unsigned); throws <see cref="TransactionException"/>.</summary>
    public static Transaction Decode(ReadOnlySpan<byte> raw) => TransactionCodec.Decode(raw);

    private SignedTransaction ToNethereum(bool withSignature)
    {
        var nonce = Quantity.Check(Nonce, nameof(Nonce), 64);
        var chainId = Quantity.Check(ChainId, nameof(ChainId));
        var gasLimit = Quantity.Check(GasLimit, nameof(GasLimit));
        var value = Quantity.Check(Value, nameof(Value));
        var to = To?.ToLowerHex();
        var data = Hex.Encode(Data ?? []);
        var access = (AccessList ?? []).Select((e, i) => new AccessListItem(e.Address.ToLowerHex(), e.StorageKeys.Select(k => k.Length == 32
            ? k : throw new ArgumentException($"Access list entry {i}: storage keys are 32 bytes, got {k.Length}.")).ToList())).ToList();
        SignedTransaction tx = Type switch
        {
            TransactionType.Legacy when chainId.IsZero => new LegacyTransaction(to, value, nonce, Quantity.Check(GasPrice, nameof(GasPrice)), gasLimit, data),
            TransactionType.Legacy => new LegacyTransactionChainId(to, value, nonce, Quantity.Check(GasPrice, nameof(GasPrice)), gasLimit, data, chainId),
            TransactionType.AccessList => new Transaction2930(chainId, nonce, Quantity.Check(GasPrice, nameof(GasPrice)), gasLimit, to, value, data, access),
            TransactionType.DynamicFee when MaxPriorityFeePerGas > MaxFeePerGas =>
                throw new ArgumentException("MaxPriorityFeePerGas cannot exceed MaxFeePerGas."),
            TransactionType.DynamicFee => new Transaction1559(chainId, nonce, Quantity.Check(MaxPriorityFeePerGas, nameof(MaxPriorityFeePerGas)),
                Quantity.Check(MaxFeePerGas, nameof(MaxFeePerGas)), gasLimit, to, value, data, access),
            _ => throw new TransactionException($"Unsupported transaction type {(int)Type}."),
        };
        if (withSignature && Signature is { } sig)
        {
            // EIP-155: legacy v = chainId * 2 + 35 + parity (27 + parity without a chain id); typed envelopes carry the parity.
            BigInteger v = Type != TransactionType.Legacy ? sig.YParity : chainId.IsZero ? 27 + sig.YParity : (chainId * 2) + 35 + sig.YParity;
            tx.SetSignature(new NethereumSignature(
                Keys.Signature.ToBytes32(sig.R), Keys.Signature.ToBytes32(sig.S), v.ToBytesForRLPEncoding()));
        }
        return tx;
    }
}
