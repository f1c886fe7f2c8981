using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Rlp;
using NutPortal.Core.Ethereum.Transactions;

namespace NutPortal.Tests.Ethereum;

/// <summary>Specific malformed transactions each rejected with a message naming the problem.</summary>
public class TransactionDecodingTests
{
    private static readonly PrivateKey Key = PrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

    private static readonly Transaction Signed = new Transaction
    {
        Type = TransactionType.DynamicFee,
        ChainId = 5,
        Nonce = 1,
        MaxPriorityFeePerGas = 2,
        MaxFeePerGas = 3,
        GasLimit = 21000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = 10,
    }.Sign(Key);

    [Fact]
    public void Round_trips_unsigned_and_signed_and_recovers_sender()
    {
        var unsigned = Signed with { Signature = null };
        var decodedUnsigned = Transaction.Decode(unsigned.Encode());
        Assert.Null(decodedUnsigned.Signature);
        Assert.Null(decodedUnsigned.RecoverSender());
        Assert.Equal(unsigned.EncodeUnsigned(), decodedUnsigned.EncodeUnsigned());
        var legacyUnsigned = new Transaction { Type = TransactionType.Legacy, ChainId = 7, GasLimit = 1 };
        Assert.Equal(7, Transaction.Decode(legacyUnsigned.EncodeUnsigned()).ChainId);
        Assert.Equal(Key.Address, Transaction.Decode(Signed.Encode()).RecoverSender());
    }

    [Fact]
    public void Rejects_malformed_transactions_with_clear_messages()
    {
        var fields = Fields(Signed);
        Reject([], "empty");
        Reject([0x05, 0xc0], "type 0x05");
        Reject([0x02], "truncated");
        Reject([0x02, .. RlpEncoder.EncodeBytes([1, 2])], "list");
        Reject(Typed(fields.Take(10)), "fields");
        Reject(Typed(fields.Select((f, i) => i == 1 ? RlpItem.FromBytes([0, 1]) : f)), "leading zero");
        Reject(Typed(fields.Select((f, i) => i == 5 ? RlpItem.FromBytes(new byte[19]) : f)), "to is 19 bytes");
        Reject(Typed(fields.Select((f, i) => i == 9 ? RlpItem.FromUInt(2) : f)), "yParity");
        Reject(Typed(fields.Select((f, i) => i == 11 ? RlpItem.FromUInt(Secp256k1N - Signed.Signature!.S) : f)), "EIP-2");
        Reject(Typed(fields.Select((f, i) => i == 10 ? RlpItem.FromUInt(0) : f)), "r and s");
        Reject(Typed(fields.Select((f, i) => i == 2 ? RlpItem.FromUInt(4) : f)), "maxPriorityFeePerGas");
        Reject(Typed(fields.Select((f, i) => i == 8 ? RlpItem.FromList(RlpItem.FromList(RlpItem.FromBytes(new byte[20]), RlpItem.FromList(RlpItem.FromBytes(new byte[31])))) : f)), "storage key");
        Reject(Typed(fields.Select((f, i) => i == 0 ? RlpItem.FromBytes(new byte[33]) : f)), "chainId");
        Reject([.. Signed.Encode(), 0x00], "trailing");
        var legacy = RlpEncoder.Encode(RlpItem.FromList(
            [.. Enumerable.Repeat(RlpItem.FromUInt(1), 3), RlpItem.FromBytes([]), RlpItem.FromUInt(1), RlpItem.FromBytes([]), RlpItem.FromUInt(30), RlpItem.FromUInt(1), RlpItem.FromUInt(1)]));
        Reject(legacy, "invalid v");
    }

    private static readonly BigInteger Secp256k1N =
        BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber);

    private static List<RlpItem> Fields(Transaction tx) => RlpDecoder.Decode(tx.Encode().AsSpan(1)).Items.ToList();

    private static byte[] Typed(IEnumerable<RlpItem> fields) => [0x02, .. RlpEncoder.Encode(RlpItem.FromList(fields.ToArray()))];

    private static void Reject(byte[] raw, string problem)
    {
        var ex = Assert.Throws<TransactionException>(() => Transaction.Decode(raw));
        Assert.True(ex.Message.Contains(problem, StringComparison.OrdinalIgnoreCase), $"'{ex.Message}' should mention '{problem}' ({Hex.Encode(raw)})");
    }
}
