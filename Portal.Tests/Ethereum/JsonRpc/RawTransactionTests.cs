using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.JsonRpc;

/// <summary>eth_sendRawTransaction with a transaction signed by an independent peer (ethers).</summary>
public sealed class RawTransactionTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    // Anvil's second default account: a published test key, worthless outside a dev chain.
    private const string Key1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    private const string Account1 = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private const string Recipient = "0x000000000000000000000000000000000000beef";

    [Fact]
    public async Task Signed_transfer_is_accepted_mined_and_rejected_when_replayed()
    {
        var rpc = anvil.Rpc;
        var nonce = await rpc.GetTransactionCountAsync(Account1, BlockParameter.Pending);
        var baseFee = (await rpc.GetBlockByNumberAsync(BlockParameter.Latest))!.BaseFeePerGas!.Value;
        var signed = await SignAsync(nonce, 12345, baseFee * 2 + 1);

        var hash = await rpc.SendRawTransactionAsync(signed.Raw);
        Assert.Equal(signed.Hash, hash);
        var receipt = await rpc.WaitForTransactionReceiptAsync(hash, TimeSpan.FromSeconds(10));
        Assert.True(receipt.Succeeded);
        Assert.Equal(21_000UL, receipt.GasUsed);
        Assert.Equal(new BigInteger(12345), await rpc.GetBalanceAsync(Recipient));
        var tx = await rpc.CallAsync<RpcTransaction?>("eth_getTransactionByHash", [hash]);
        Assert.Equal(2UL, tx!.Type);
        Assert.Equal(AnvilNode.ChainId, tx.ChainId);
        Assert.Equal(nonce + 1, await rpc.GetTransactionCountAsync(Account1));

        var replay = await Assert.ThrowsAsync<JsonRpcException>(() => rpc.SendRawTransactionAsync(signed.Raw));
        Assert.Equal("eth_sendRawTransaction", replay.Method);
        Assert.Contains("nonce", replay.RpcMessage, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(string Raw, string Hash)> SignAsync(ulong nonce, BigInteger value, BigInteger maxFee)
    {
        var input = JsonSerializer.Serialize(new
        {
            privateKey = Key1, chainId = AnvilNode.ChainId, nonce, to = Recipient, value = value.ToString(), maxFeePerGas = maxFee.ToString(),
        });
        using var output = JsonDocument.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/JsonRpc/sign-transaction.js", input));
        return (output.RootElement.GetProperty("raw").GetString()!, output.RootElement.GetProperty("hash").GetString()!);
    }
}
