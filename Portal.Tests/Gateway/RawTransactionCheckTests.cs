using System.Numerics;
using Nethereum.Model;
using Nethereum.Signer;
using NutPortal.Core.Gateway;

namespace NutPortal.Tests.Gateway;

/// <summary>What the gateway's guards read of a signed transaction: sender, recipient, value and calldata, for each type.</summary>
public sealed class RawTransactionCheckTests
{
    private static readonly EthECKey Key = new("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private const string To = "0x3535353535353535353535353535353535353535";

    [Fact]
    public void A_legacy_eip155_transaction_gives_its_recipient_value_and_calldata()
    {
        var raw = new LegacyTransactionSigner().SignTransaction(Key.GetPrivateKeyAsBytes(), 31337, To, 1000, 0, 2_000_000_000, 50_000, "0xa9059cbb00");
        var facts = Assert.IsType<SignedTransactionFacts>(RawTransactionCheck.Check("0x" + raw, 31337, 131072).Facts);
        Assert.Equal((Key.GetPublicAddress().ToLowerInvariant(), To, new BigInteger(1000), "0xa9059cbb00"), (facts.Sender, facts.To, facts.Value, facts.Data));
    }

    [Fact]
    public void An_eip1559_deployment_has_no_recipient()
    {
        var transaction = new Transaction1559(31337, 0, 1, 2_000_000_000, 100_000, null, 0, "0x6080604052", null);
        new Transaction1559Signer().SignTransaction(Key, transaction);
        var facts = Assert.IsType<SignedTransactionFacts>(RawTransactionCheck.Check("0x" + Convert.ToHexString(transaction.GetRLPEncoded()), 31337, 131072).Facts);
        Assert.Null(facts.To);
        Assert.Equal("0x6080604052", facts.Data);
        Assert.Equal(BigInteger.Zero, facts.Value);
    }
}
