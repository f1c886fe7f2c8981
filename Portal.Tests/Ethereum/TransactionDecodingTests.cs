using System.Numerics;
using Nethereum.RLP;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;

namespace NutPortal.Tests.Ethereum;

/// <summary>Malformed transactions each rejected with a message naming the problem (payloads built with Nethereum's RLP).</summary>
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
        Reject([], "empty");
        Reject([0x05, 0xc0], "type 0x05");
        Reject([0x02], "malformed");
        Reject(Typed(With(5, RLP.EncodeElement(new byte[19]))), "not an address");
        Reject(Typed(With(9, RLP.EncodeElement([2]))), "yParity");
        Reject(Typed(With(11, Uint(Signature.N - Signed.Signature!.S))), "EIP-2");
        Reject(Typed(With(10, RLP.EncodeElement([]))), "r and s");
        Reject(Typed(With(2, Uint(4))), "maxPriorityFeePerGas");
        Reject(Typed(With(8, RLP.EncodeList(RLP.EncodeList(RLP.EncodeElement(new byte[20]), RLP.EncodeList(RLP.EncodeElement(new byte[31])))))), "storage key");
        Reject(Typed(With(0, RLP.EncodeElement([1, .. new byte[32]]))), "chainId");
        var one = Uint(1);
        Reject(RLP.EncodeList(one, one, one, RLP.EncodeElement([]), one, RLP.EncodeElement([]), Uint(30), one, one), "invalid v");
    }

    private static byte[] Uint(BigInteger v) => RLP.EncodeElement(v.ToBytesForRLPEncoding());

    /// <summary>The signed transaction's twelve fields, field <paramref name="index"/> replaced.</summary>
    private static byte[][] With(int index, byte[] replacement)
    {
        var s = Signed;
        byte[][] fields =
        [
            Uint(s.ChainId), Uint(s.Nonce), Uint(s.MaxPriorityFeePerGas), Uint(s.MaxFeePerGas), Uint(s.GasLimit),
            RLP.EncodeElement(s.To!.Value.ToBytes()), Uint(s.Value), RLP.EncodeElement([]), RLP.EncodeList(),
            Uint(s.Signature!.YParity), Uint(s.Signature.R), Uint(s.Signature.S),
        ];
        fields[index] = replacement;
        return fields;
    }

    private static byte[] Typed(byte[][] fields) => [0x02, .. RLP.EncodeList(fields)];

    private static void Reject(byte[] raw, string problem)
    {
        var ex = Assert.Throws<TransactionException>(() => Transaction.Decode(raw));
        Assert.True(ex.Message.Contains(problem, StringComparison.OrdinalIgnoreCase), $"'{ex.Message}' should mention '{problem}' ({Hex.Encode(raw)})");
    }
}
