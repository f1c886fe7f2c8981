using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.Ethereum.Transactions;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.EndToEnd;

/// <summary>Transfers of every transaction type, signed and encoded by the portal, accepted and mined by anvil.</summary>
public sealed class SignedTransactionTests(EndToEndFixture e2e) : IClassFixture<EndToEndFixture>
{
    private static readonly BigInteger Value = BigInteger.Parse("1234567890123456789");

    [Theory]
    [InlineData(TransactionType.Legacy, 21_000UL)]
    [InlineData(TransactionType.AccessList, 21_000UL + 2_400 + 1_900)] // one address and one storage key, per EIP-2930
    [InlineData(TransactionType.DynamicFee, 21_000UL)]
    public async Task Transfer_is_mined_under_our_hash_and_the_node_returns_our_bytes(TransactionType type, ulong expectedGas)
    {
        using var sender = await e2e.NewFundedSenderAsync();
        using var recipientKey = PrivateKey.Generate();
        var recipient = recipientKey.Address;
        var accessList = type == TransactionType.AccessList ? [new AccessListEntry(recipient, [StorageKey(1)])] : Array.Empty<AccessListEntry>();
        var tx = await sender.SignAsync(type, recipient, value: Value, gas: 50_000, accessList: accessList);

        var receipt = await sender.SendAsync(tx);

        Assert.True(receipt.Succeeded);
        Assert.Equal((ulong)type, receipt.Type);
        Assert.Equal(sender.Address, Address.Parse(receipt.From));
        Assert.Equal(recipient, Address.Parse(receipt.To!));
        Assert.Equal(expectedGas, receipt.GasUsed); // the node charged for exactly the access list we encoded
        Assert.Equal(Value, await e2e.Rpc.GetBalanceAsync(recipient.ToLowerHex()));
        var fee = receipt.GasUsed * receipt.EffectiveGasPrice!.Value;
        Assert.Equal(EndToEndFixture.InitialBalance - Value - fee, await e2e.Rpc.GetBalanceAsync(sender.HexAddress));

        // The node stored exactly our bytes; decoding them gives back our transaction and our address.
        var raw = Hex.Decode(await e2e.Rpc.CallAsync<string>("eth_getRawTransactionByHash", [receipt.TransactionHash]));
        Assert.Equal(tx.Encode(), raw);
        var decoded = Transaction.Decode(raw);
        Assert.Equal(sender.Address, decoded.RecoverSender());
        Assert.Equal(type, decoded.Type);
        Assert.Equal(new BigInteger(AnvilNode.ChainId), decoded.ChainId);
        Assert.Equal(Value, decoded.Value);
        Assert.Equal(receipt.TransactionHash, Hex.Encode(decoded.Hash()));
        Assert.Equal(accessList.Length, decoded.AccessList.Count);

        var fromNode = await e2e.Rpc.CallAsync<RpcTransaction?>("eth_getTransactionByHash", [receipt.TransactionHash]);
        Assert.Equal(sender.Address, Address.Parse(fromNode!.From));
        Assert.Equal(AnvilNode.ChainId, fromNode.ChainId);
        Assert.Equal(tx.Signature!.R, fromNode.R);
        Assert.Equal(tx.Signature.S, fromNode.S);
    }

    private static byte[] StorageKey(byte last)
    {
        var key = new byte[32];
        key[31] = last;
        return key;
    }
}
