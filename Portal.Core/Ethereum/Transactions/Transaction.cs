using System.Numerics;
using NutPortal.Core.Ethereum.Hashing;
using NutPortal.Core.Ethereum.Keys;

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
/// An Ethereum transaction (legacy, EIP-2930 or EIP-1559). Unused fee fields for a type are ignored.
/// For legacy transactions ChainId 0 means no EIP-155 replay protection.
/// </summary>
public sealed record Transaction
{
    public TransactionType Type { get; init; } = TransactionType.DynamicFee;

    public BigInteger ChainId { get; init; }

    public BigInteger Nonce { get; init; }

    /// <summary>Legacy and EIP-2930 gas price.</summary>
    public BigInteger GasPrice { get; init; }

    /// <summary>EIP-1559 tip.</summary>
    public BigInteger MaxPriorityFeePerGas { get; init; }

    /// <summary>EIP-1559 fee cap.</summary>
    public BigInteger MaxFeePerGas { get; init; }

    public BigInteger GasLimit { get; init; }

    /// <summary>Recipient; null for contract creation.</summary>
    public Address? To { get; init; }

    public BigInteger Value { get; init; }

    public byte[] Data { get; init; } = [];

    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>Null while unsigned.</summary>
    public Signature? Signature { get; init; }

    /// <summary>The bytes whose Keccak-256 is signed.</summary>
    public byte[] EncodeUnsigned() => TransactionEncoder.Encode(this, includeSignature: false);

    /// <summary>Raw transaction bytes (typed envelope for types 1 and 2), as sent to eth_sendRawTransaction.</summary>
    public byte[] Encode() => TransactionEncoder.Encode(this, includeSignature: Signature is not null);

    /// <summary>Keccak-256 of the unsigned payload: the digest the sender signs.</summary>
    public byte[] SigningHash() => Keccak256.Hash(EncodeUnsigned());

    /// <summary>Transaction hash (of the signed raw bytes).</summary>
    public byte[] Hash() =>
        Signature is null ? throw new InvalidOperationException("An unsigned transaction has no hash.") : Keccak256.Hash(Encode());

    /// <summary>Returns a copy signed by <paramref name="key"/>.</summary>
    public Transaction Sign(PrivateKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return this with { Signature = key.Sign(SigningHash()) };
    }

    /// <summary>The sender recovered from the signature, or null when unsigned.</summary>
    public Address? RecoverSender() =>
        Signature is null ? null : Ecdsa.RecoverAddress(SigningHash(), Signature);

    /// <summary>Decodes raw transaction bytes (signed or unsigned); throws <see cref="TransactionException"/>.</summary>
    public static Transaction Decode(ReadOnlySpan<byte> raw) => TransactionDecoder.Decode(raw);
}
