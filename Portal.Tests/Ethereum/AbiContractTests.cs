using System.Numerics;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum;

public class AbiContractTests
{
    private const string Json = """
    [
      {"type":"constructor","inputs":[{"name":"owner","type":"address"},{"name":"cap","type":"uint256"}],"stateMutability":"nonpayable"},
      {"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}],"stateMutability":"nonpayable"},
      {"type":"function","name":"getOrder","inputs":[{"name":"id","type":"uint64"}],"outputs":[{"name":"order","type":"tuple","internalType":"struct O","components":[{"name":"maker","type":"address"},{"name":"amounts","type":"uint128[]"},{"name":"note","type":"string"}]}],"stateMutability":"view"},
      {"type":"function","name":"set","inputs":[{"name":"x","type":"uint256"}],"outputs":[]},
      {"type":"function","name":"set","inputs":[{"name":"x","type":"string"}],"outputs":[]},
      {"type":"event","name":"Logged","anonymous":false,"inputs":[{"name":"tag","type":"string","indexed":true},{"name":"id","type":"uint256","indexed":true},{"name":"blob","type":"bytes","indexed":true},{"name":"data","type":"bytes","indexed":false},{"name":"who","type":"address","indexed":false},{"name":"delta","type":"int16","indexed":false}]},
      {"type":"event","name":"Small","inputs":[{"name":"key","type":"bytes32","indexed":true},{"name":"flag","type":"bool","indexed":false}]},
      {"type":"error","name":"InsufficientBalance","inputs":[{"name":"available","type":"uint256"},{"name":"required","type":"uint256"}]},
      {"type":"fallback","stateMutability":"nonpayable"},
      {"type":"receive","stateMutability":"payable"}
    ]
    """;

    private static readonly ContractAbi Abi = ContractAbi.Parse(Json);

    [Fact]
    public void Parses_members_and_encodes_calls_and_deployments()
    {
        Assert.Equal(4, Abi.Functions.Count);
        Assert.Equal(2, Abi.Events.Count);
        Assert.Single(Abi.Errors);
        Assert.True(Abi.HasFallback && Abi.HasReceive);
        Assert.Equal("constructor(address,uint256)", Abi.Constructor!.Signature);
        var transfer = Abi.GetFunction("transfer");
        var to = Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var call = transfer.EncodeCall(to, new BigInteger(1000));
        Assert.Equal("0xa9059cbb0000000000000000000000005aaeb6053f3e94c9b9a09f33669435e7ef1beaed00000000000000000000000000000000000000000000000000000000000003e8", Hex.Encode(call));
        Assert.Same(transfer, Abi.FindFunctionBySelector(call));
        Assert.Equal(new object?[] { to, new BigInteger(1000) }, transfer.DecodeCall(call));
        Assert.Equal(true, transfer.DecodeOutput(AbiEncoder.Encode([AbiType.Bool], [true]))[0]);
        Assert.Contains("overloaded", Assert.Throws<AbiException>(() => Abi.GetFunction("set")).Message);
        Assert.Equal("set(string)", Abi.GetFunction("set(string)").Signature);
        Assert.Equal("set(uint256)", Abi.GetFunction(Hex.Encode(Abi.GetFunction("set(uint256)").Selector)).Signature);
        Assert.True(Abi.GetFunction("getOrder").IsReadOnly);
        var deploy = Abi.Constructor.EncodeDeploy([0x60, 0x80], to, BigInteger.One);
        Assert.Equal(2 + 64, deploy.Length);
        Assert.Equal([0x60, 0x80], deploy[..2]);
    }

    [Fact]
    public void Decodes_struct_return_data_to_json()
    {
        var getOrder = Abi.GetFunction("getOrder");
        var maker = Address.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        var data = AbiEncoder.Encode([getOrder.Outputs[0].Type], [new object?[] { maker, new object[] { BigInteger.One, (BigInteger.One << 128) - 1 }, "hé" }]);
        var json = AbiValueFormatter.ToJsonObject(getOrder.Outputs, getOrder.DecodeOutput(data));
        Assert.Equal("""{"order":["0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",["1","340282366920938463463374607431768211455"],"h\u00E9"]}""", json.ToJsonString());
    }

    [Fact]
    public void Decodes_revert_reasons()
    {
        var error = Hex.Decode("0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000000e" + "4e6f7420656e6f7567682045544800000000000000000000000000000000000000");
        var r = Abi.DecodeRevert(error);
        Assert.Equal((RevertKind.Error, "Not enough ETH"), (r.Kind, r.Message));
        var panic = Abi.DecodeRevert([0x4e, 0x48, 0x7b, 0x71, .. AbiEncoder.Encode([AbiType.UnsignedInteger(256)], [0x11])]);
        Assert.Equal(RevertKind.Panic, panic.Kind);
        Assert.Equal(0x11, panic.PanicCode);
        Assert.Contains("overflow", panic.Message);
        Assert.Contains("division", Abi.DecodeRevert([0x4e, 0x48, 0x7b, 0x71, .. AbiEncoder.Encode([AbiType.UnsignedInteger(256)], [0x12])]).Message);
        var custom = Abi.DecodeRevert([.. Abi.GetError("InsufficientBalance").Selector, .. AbiEncoder.Encode([AbiType.UnsignedInteger(256), AbiType.UnsignedInteger(256)], [5, 7])]);
        Assert.Equal((RevertKind.Custom, "InsufficientBalance(5, 7)"), (custom.Kind, custom.Message));
        Assert.Equal(RevertKind.Empty, Abi.DecodeRevert([]).Kind);
        Assert.Equal(RevertKind.Unknown, Abi.DecodeRevert([1, 2, 3, 4, 5]).Kind);
        Assert.Equal(RevertKind.Unknown, Abi.DecodeRevert(error.AsSpan(0, 40)).Kind); // truncated Error(string)
    }

    [Fact]
    public async Task Decodes_event_logs_encoded_by_ethers_including_hashed_indexed_dynamic_values()
    {
        const int seed = 777;
        var rng = new Random(seed);
        var logged = Abi.GetEvent("Logged");
        var cases = Enumerable.Range(0, 40).Select(_ => new JsonArray(logged.Inputs.Select(p => AbiRandom.Value(rng, p.Type)).ToArray())).ToList();
        var request = new JsonObject
        {
            ["encode"] = new JsonArray(),
            ["decode"] = new JsonArray(),
            ["ids"] = new JsonArray(),
            ["logs"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject { ["abi"] = JsonNode.Parse(Json), ["event"] = "Logged", ["values"] = c.DeepClone() }).ToArray()),
        };
        var reply = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/abi.mjs", request.ToJsonString()))!;
        for (var i = 0; i < cases.Count; i++)
        {
            var why = $"seed {seed}, log #{i}";
            var topics = reply["logs"]![i]!["topics"]!.AsArray().Select(t => Hex.Decode(t!.GetValue<string>())).ToList();
            var log = Abi.DecodeLog(topics, Hex.Decode(reply["logs"]![i]!["data"]!.GetValue<string>()));
            Assert.NotNull(log);
            Assert.Same(logged, log.Event);
            var tag = cases[i][0]!.GetValue<string>();
            Assert.True(Hex.Encode(AbiTests.Keccak(tag)) == ((IndexedHash)log["tag"]!).ToString(), why);
            Assert.True(Hex.Encode(Nethereum.Util.Sha3Keccack.Current.CalculateHash(Hex.Decode(cases[i][2]!.GetValue<string>()))) == log["blob"]!.ToString(), why);
            for (var j = 0; j < logged.Inputs.Count; j++)
            {
                if (!logged.Inputs[j].Type.IsDynamic || !logged.Inputs[j].Indexed)
                {
                    Assert.True(JsonNode.DeepEquals(cases[i][j], AbiValueFormatter.ToJson(logged.Inputs[j].Type, log.Values[j])), $"{why}, arg {j}");
                }
            }
        }
        Assert.Null(Abi.DecodeLog([new byte[32]], []));
        Assert.Throws<AbiException>(() => Abi.GetEvent("Small").DecodeLog([Abi.GetEvent("Small").Topic], new byte[32]));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"uint7\"}]}]")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"a\",\"type\":\"tuple\"}]}]")]
    [InlineData("[{\"type\":\"function\",\"inputs\":[]}]")]
    [InlineData("[{\"type\":\"wat\",\"name\":\"f\"}]")]
    [InlineData("[1]")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":7}]}]")]
    [InlineData("not json")]
    public void Malformed_abi_json_throws_AbiException(string json) => Assert.Throws<AbiException>(() => ContractAbi.Parse(json));
}
