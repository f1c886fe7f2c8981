using System.Numerics;
using Nethereum.Util;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Tests.Ethereum.EndToEnd;

/// <summary>Deploy, call, transact and decode events against real solc output on a real anvil node, signed by the portal.</summary>
public sealed class ContractTests(EndToEndFixture e2e) : IClassFixture<EndToEndFixture>
{
    private static readonly AbiType OrderType = AbiType.Parse("(address,uint256,bytes,string,uint256[])");

    private ContractAbi Abi => e2e.RegistryAbi;

    [Fact]
    public async Task Deployment_with_encoded_constructor_arguments_is_visible_through_a_view_call()
    {
        using var sender = await e2e.NewFundedSenderAsync();
        var nonce = await e2e.Rpc.GetTransactionCountAsync(sender.HexAddress);

        var registry = await e2e.DeployRegistryAsync(sender, "NutPortal registry", 5);

        // CREATE address: keccak256(rlp([sender, nonce]))[12..], as Nethereum computes it.
        Assert.Equal(Address.Parse(ContractUtils.CalculateContractAddress(sender.HexAddress, nonce)), registry);
        Assert.Equal("0x" + e2e.Registry.DeployedBytecode, await e2e.Rpc.CallAsync<string>("eth_getCode", [registry.ToLowerHex(), BlockParameter.Latest]));
        var describe = Abi.GetFunction("describe");
        var values = describe.DecodeOutput(Hex.Decode(await e2e.Rpc.CallAsync(EndToEndValues.Call(registry, describe.EncodeCall()))));
        Assert.Equal("NutPortal registry", values[0]);
        Assert.Equal(sender.Address, values[1]);
        Assert.Equal(new BigInteger(5), values[2]);
    }

    [Fact]
    public async Task Nested_struct_argument_reaches_the_evm_intact()
    {
        using var sender = await e2e.NewFundedSenderAsync();
        var registry = await e2e.DeployRegistryAsync(sender, "echo", 0);
        var order = EndToEndValues.Order(sender.Address, 77, "ship by Friday \u2713");
        var echo = Abi.GetFunction("echo");

        var output = echo.DecodeOutput(Hex.Decode(await e2e.Rpc.CallAsync(EndToEndValues.Call(registry, echo.EncodeCall([order])))));

        // Solidity decoded our calldata and re-encoded the struct: compare field by field, and the EVM's
        // keccak256(abi.encode(order)) with ours over our encoding.
        Assert.Equal(Json(order), Json(output[0]));
        Assert.Equal(Sha3Keccack.Current.CalculateHash(AbiEncoder.Encode([OrderType], [order])), (byte[])output[1]!);
    }

    [Fact]
    public async Task State_changing_call_emits_an_event_we_decode()
    {
        using var sender = await e2e.NewFundedSenderAsync();
        var registry = await e2e.DeployRegistryAsync(sender, "events", 5);
        using var makerKey = PrivateKey.Generate();
        var order = EndToEndValues.Order(makerKey.Address, 250, "first delivery");

        var receipt = await sender.TransactAsync(registry, Abi.GetFunction("record").EncodeCall([order]));

        Assert.True(receipt.Succeeded);
        var log = Assert.Single(receipt.Logs);
        Assert.Equal(registry, Address.Parse(log.Address));
        var decoded = Abi.DecodeLog([.. log.Topics.Select(Hex.Decode)], Hex.Decode(log.Data));
        Assert.NotNull(decoded);
        Assert.Equal("Recorded", decoded.Event.Name);
        Assert.Equal(makerKey.Address, decoded["maker"]);
        Assert.Equal(new BigInteger(250), decoded["amount"]);
        Assert.Equal("first delivery", decoded["memo"]);
        Assert.Equal(Json(order[4], AbiType.Parse("uint256[]")), Json(decoded["ids"], AbiType.Parse("uint256[]")));
        Assert.Equal((byte[])order[2]!, decoded["payload"]);
        Assert.Equal(new BigInteger(255), decoded["total"]);
        var total = Abi.GetFunction("total");
        Assert.Equal(new BigInteger(255), total.DecodeOutput(Hex.Decode(await e2e.Rpc.CallAsync(EndToEndValues.Call(registry, total.EncodeCall()))))[0]);
    }

    [Fact]
    public async Task Require_message_is_decoded_from_the_eth_call_error()
    {
        using var sender = await e2e.NewFundedSenderAsync();
        var registry = await e2e.DeployRegistryAsync(sender, "require", 0);
        var call = EndToEndValues.Call(registry, Abi.GetFunction("record").EncodeCall([EndToEndValues.Order(sender.Address, 0, "nothing")]), sender);

        var e = await Assert.ThrowsAsync<JsonRpcException>(() => e2e.Rpc.CallAsync(call));

        var reason = Abi.DecodeRevert(Hex.Decode(e.DataHex!));
        Assert.Equal(RevertKind.Error, reason.Kind);
        Assert.Equal("amount must be positive", reason.Message);
    }

    [Fact]
    public async Task Custom_error_and_its_arguments_are_decoded_from_the_eth_call_error()
    {
        using var sender = await e2e.NewFundedSenderAsync();
        var registry = await e2e.DeployRegistryAsync(sender, "custom", 0);
        var call = EndToEndValues.Call(registry, Abi.GetFunction("record").EncodeCall([EndToEndValues.Order(sender.Address, 5000, "too much")]), sender);

        var e = await Assert.ThrowsAsync<JsonRpcException>(() => e2e.Rpc.CallAsync(call));

        var reason = Abi.DecodeRevert(Hex.Decode(e.DataHex!));
        Assert.Equal(RevertKind.Custom, reason.Kind);
        Assert.Equal("TooLarge", reason.Error!.Name);
        Assert.Equal([new BigInteger(5000), new BigInteger(1000)], reason.Arguments);
        Assert.Equal("TooLarge(5000, 1000)", reason.Message);
    }

    private static string Json(object? value, AbiType? type = null) => AbiValueFormatter.ToJson(type ?? OrderType, value)!.ToJsonString();
}
