using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Tests.Ethereum.EndToEnd;

/// <summary>A signed transaction that reverts one call down, explained from debug_traceTransaction's call tree.</summary>
public sealed class TraceTests(EndToEndFixture e2e) : IClassFixture<EndToEndFixture>
{
    [Theory]
    [InlineData(5000, RevertKind.Custom, "TooLarge(5000, 1000)")]
    [InlineData(0, RevertKind.Error, "amount must be positive")]
    public async Task Failing_inner_call_is_in_the_trace_with_its_decoded_revert(int amount, RevertKind kind, string message)
    {
        using var sender = await e2e.NewFundedSenderAsync();
        var registry = await e2e.DeployRegistryAsync(sender, "traced", 0);
        var forwarder = await e2e.DeployForwarderAsync(sender);
        var order = EndToEndValues.Order(sender.Address, amount, "via forwarder");
        var forward = e2e.ForwarderAbi.GetFunction("forward").EncodeCall(registry, order);

        // Explicit gas: estimation would refuse a reverting transaction before it reaches a block.
        var receipt = await sender.TransactAsync(forwarder, forward, gas: 500_000);

        Assert.Equal(0UL, receipt.Status);
        Assert.Empty(receipt.Logs); // Forwarded was emitted, then rolled back with the revert
        var trace = await e2e.Rpc.TraceTransactionAsync(receipt.TransactionHash);
        Assert.Equal(forwarder, Address.Parse(trace.To!));
        Assert.Equal(sender.Address, Address.Parse(trace.From));
        Assert.Equal("execution reverted", trace.Error);
        var inner = Assert.Single(trace.Flatten(), f => f.To is { } to && Address.Parse(to) == registry);
        Assert.Equal("CALL", inner.Type);
        Assert.Equal(forwarder, Address.Parse(inner.From));
        Assert.Equal("execution reverted", inner.Error);
        // Solidity re-encoded the struct for the inner call: it must be byte for byte what our encoder makes.
        Assert.Equal(Hex.Encode(e2e.RegistryAbi.GetFunction("record").EncodeCall([order])), inner.Input);

        var reason = e2e.RegistryAbi.DecodeRevert(Hex.Decode(inner.Output!));
        Assert.Equal(kind, reason.Kind);
        Assert.Equal(message, reason.Message);
        // Forwarder bubbles the inner revert data up unchanged.
        Assert.Equal(inner.Output, trace.Output);
        if (kind == RevertKind.Error)
        {
            Assert.Equal(message, inner.RevertReason); // the node's own decoding agrees with ours
        }
        else
        {
            Assert.Equal([new BigInteger(amount), new BigInteger(1000)], reason.Arguments);
        }
    }
}
