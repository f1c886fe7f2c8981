using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Tests.Ethereum.EndToEnd;

/// <summary>Argument values and call requests shared by the end-to-end tests.</summary>
internal static class EndToEndValues
{
    /// <summary>A Registry.Order: (maker, amount, payload, memo, ids); the amount also appears in ids.</summary>
    public static List<object?> Order(Address maker, int amount, string memo) =>
        [maker, new BigInteger(amount), Hex.Decode("0xdeadbeef00112233445566778899aabbccddeeff0102030405060708090a0b0c0d0e0f"), memo,
            new List<object?> { BigInteger.One, BigInteger.Pow(2, 255), new BigInteger(amount) }];

    public static RpcTransactionRequest Call(Address to, byte[] data, SignedSender? from = null) =>
        new() { From = from?.HexAddress, To = to.ToLowerHex(), Input = Hex.Encode(data) };
}
