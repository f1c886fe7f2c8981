using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum;

public class AbiTests
{
    [Fact]
    public async Task Random_nested_types_encode_and_decode_exactly_like_ethers()
    {
        const int seed = 31337;
        var rng = new Random(seed);
        var cases = Enumerable.Range(0, 400).Select(_ =>
        {
            var types = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => AbiRandom.Type(rng)).ToList();
            return (Types: types, Values: new JsonArray(types.Select(t => AbiRandom.Value(rng, t)).ToArray()));
        }).ToList();
        var ours = cases.Select(c => AbiEncoder.Encode(c.Types, Parse(c.Types, c.Values))).ToList();
        var request = new JsonObject
        {
            ["encode"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject { ["types"] = TypeNames(c.Types), ["values"] = c.Values.DeepClone() }).ToArray()),
            ["decode"] = new JsonArray(cases.Select((c, i) => (JsonNode)new JsonObject { ["types"] = TypeNames(c.Types), ["data"] = Hex.Encode(ours[i]) }).ToArray()),
            ["ids"] = new JsonArray(cases.Select(c => (JsonNode)$"f({string.Join(",", c.Types.Select(t => t.CanonicalName))})").ToArray()),
            ["logs"] = new JsonArray(),
        };
        var reply = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/abi.mjs", request.ToJsonString()))!;
        for (var i = 0; i < cases.Count; i++)
        {
            var why = $"seed {seed}, case #{i} ({string.Join(",", cases[i].Types)})";
            var theirs = reply["encode"]![i]!.GetValue<string>();
            Assert.True(theirs == Hex.Encode(ours[i]), $"{why}: encoding differs");
            Assert.True(JsonNode.DeepEquals(reply["decode"]![i], cases[i].Values), $"{why}: ethers decodes ours differently");
            var decoded = AbiDecoder.Decode(cases[i].Types, Hex.Decode(theirs));
            var json = new JsonArray(cases[i].Types.Select((t, j) => AbiValueFormatter.ToJson(t, decoded[j])).ToArray());
            Assert.True(JsonNode.DeepEquals(json, cases[i].Values), $"{why}: we decode ethers' bytes as {json.ToJsonString()}");
            var fn = new AbiFunction("f", cases[i].Types.Select(t => new AbiParameter("", t)).ToList(), [], "nonpayable");
            Assert.True(reply["ids"]![i]!.GetValue<string>()[..10] == Hex.Encode(fn.Selector), $"{why}: selector");
        }
    }

    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("balanceOf(address)", "0x70a08231")]
    [InlineData("Error(string)", "0x08c379a0")]
    [InlineData("Panic(uint256)", "0x4e487b71")]
    public void Selectors_match_known_values(string signature, string selector) =>
        Assert.Equal(selector, Hex.Encode(Keccak(signature).AsSpan(0, 4)));

    [Fact]
    public void Event_topic_and_type_parsing_canonicalise()
    {
        var ev = new AbiEvent("Transfer", [new("from", AbiType.Address, true), new("to", AbiType.Address, true), new("value", AbiType.Parse("uint"))], false);
        Assert.Equal("Transfer(address,address,uint256)", ev.Signature);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Hex.Encode(ev.Topic));
        Assert.Equal("(uint256,(address,bytes32)[2])[]", AbiType.Parse("tuple(uint a, (address,bytes32)[2] b)[]").CanonicalName);
        foreach (var bad in new[] { "uint7", "uint264", "bytes33", "bytes0", "int08", "foo", "uint256[", "(uint256", "uint256[01]", "(uint256,)x", "uint256[-1]" })
        {
            Assert.Throws<AbiException>(() => AbiType.Parse(bad));
        }
        Assert.Contains("nesting", Assert.Throws<AbiException>(() => AbiType.Parse("uint8" + string.Concat(Enumerable.Repeat("[]", 40)))).Message);
        Assert.Contains("nesting", Assert.Throws<AbiException>(() => AbiType.Parse(new string('(', 2000) + "uint8" + new string(')', 2000))).Message);
    }

    [Fact]
    public void Encoding_rejects_out_of_range_and_mistyped_values()
    {
        Assert.Contains("out of range", Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.UnsignedInteger(8)], [256])).Message);
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.UnsignedInteger(256)], [-1]));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.SignedInteger(8)], [128]));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.FixedBytes(4)], [new byte[3]]));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Parse("uint8[2]")], [new object[] { 1 }]));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Bool], ["yes"]));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Address], ["0x1234"]));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Address, AbiType.Bool], [true]));
        Assert.Equal(Hex.Decode("0x" + new string('f', 64)), AbiEncoder.Encode([AbiType.SignedInteger(8)], [-1]));
    }

    internal static List<object?> Parse(IReadOnlyList<AbiType> types, JsonArray values)
    {
        using var doc = JsonDocument.Parse(values.ToJsonString());
        return types.Select((t, i) => AbiValueParser.FromJson(t, doc.RootElement[i])).ToList();
    }

    internal static JsonArray TypeNames(IEnumerable<AbiType> types) => new(types.Select(t => (JsonNode)t.CanonicalName).ToArray());

    internal static byte[] Keccak(string text) => Nethereum.Util.Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(text));
}
