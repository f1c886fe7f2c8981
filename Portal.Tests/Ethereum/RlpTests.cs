using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Rlp;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum;

public class RlpTests
{
    [Theory]
    [InlineData("0x80", "")]
    [InlineData("0x00", "00")]
    [InlineData("0x7f", "7f")]
    [InlineData("0x8180", "80")]
    [InlineData("0x83646f67", "646f67")]
    public void Encodes_known_strings(string expected, string payload) =>
        Assert.Equal(expected, Hex.Encode(RlpEncoder.EncodeBytes(Convert.FromHexString(payload))));

    [Fact]
    public void Encodes_known_lists_and_integers()
    {
        // The set-theoretic representation of three, from the Ethereum wiki.
        var three = RlpItem.FromList(
            RlpItem.FromList(),
            RlpItem.FromList(RlpItem.FromList()),
            RlpItem.FromList(RlpItem.FromList(), RlpItem.FromList(RlpItem.FromList())));
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.Encode(RlpEncoder.Encode(three)));
        Assert.Equal("0x80", Hex.Encode(RlpEncoder.EncodeUInt(0)));
        Assert.Equal("0x820400", Hex.Encode(RlpEncoder.EncodeUInt(1024)));
        Assert.Equal("0xb838" + new string('6', 112), Hex.Encode(RlpEncoder.EncodeBytes(Enumerable.Repeat((byte)0x66, 56).ToArray())));
        Assert.Throws<ArgumentOutOfRangeException>(() => RlpEncoder.EncodeUInt(-1));
    }

    [Theory]
    [InlineData("0x8100", "single byte")]
    [InlineData("0x817f", "single byte")]
    [InlineData("0xb80100", "non-canonical")]
    [InlineData("0xb90038" , "leading zero")]
    [InlineData("0xf80100", "non-canonical")]
    [InlineData("0x83646f", "truncated")]
    [InlineData("0xb8", "truncated")]
    [InlineData("0xc3808080ff", "trailing")]
    [InlineData("0x", "truncated")]
    [InlineData("0xc28383", "truncated")]
    [InlineData("0xbf0100000000000000", "truncated")]
    [InlineData("0xbfffffffffffffffff", "truncated")]
    public void Rejects_non_canonical_truncated_and_trailing(string hex, string problem)
    {
        var ex = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Hex.Decode(hex)));
        Assert.Contains(problem, ex.Message);
        Assert.Contains("offset", ex.Message);
    }

    [Fact]
    public void Rejects_hostile_nesting_without_stack_overflow()
    {
        // A run of list prefixes: rejected (inner lengths do not fit) without recursing 100k deep.
        var data = new byte[100_000];
        Array.Fill(data, (byte)0xc1);
        data[^1] = 0xc0;
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(data));
        // A well-formed tree one level deeper than allowed is rejected for its depth.
        var deep = RlpItem.FromList();
        for (var i = 0; i < RlpDecoder.MaxDepth + 1; i++)
        {
            deep = RlpItem.FromList(deep);
        }
        Assert.Contains("nesting", Assert.Throws<RlpException>(() => RlpDecoder.Decode(RlpEncoder.Encode(deep))).Message);
    }

    [Fact]
    public async Task Matches_ethers_both_directions_on_random_trees_and_fuzzed_bytes()
    {
        const int seed = 4242;
        var rng = new Random(seed);
        var trees = Enumerable.Range(0, 300).Select(_ => RandomTree(rng, 0)).ToList();
        var encoded = trees.Select(RlpEncoder.Encode).ToList();
        // Fuzz: truncations, random byte flips and pure noise of our own encodings.
        var fuzz = new List<byte[]>();
        foreach (var e in encoded.Take(100))
        {
            fuzz.Add(e[..rng.Next(e.Length)]);
            var flipped = (byte[])e.Clone();
            flipped[rng.Next(e.Length)] ^= (byte)(1 + rng.Next(255));
            fuzz.Add(flipped);
            fuzz.Add(KeccakTests.RandomBytes(rng, rng.Next(1, 40)));
        }
        var request = new JsonObject
        {
            ["encode"] = new JsonArray(trees.Select(ToJson).ToArray()),
            ["decode"] = new JsonArray(encoded.Concat(fuzz).Select(b => (JsonNode)Hex.Encode(b)).ToArray()),
        };
        var reply = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/rlp.mjs", request.ToJsonString()))!;
        for (var i = 0; i < trees.Count; i++)
        {
            Assert.True(reply["encoded"]![i]!.GetValue<string>() == Hex.Encode(encoded[i]), $"seed {seed}, tree #{i}");
            Assert.True(JsonNode.DeepEquals(reply["decoded"]![i], ToJson(RlpDecoder.Decode(encoded[i]))), $"seed {seed}, decode #{i}");
        }
        for (var i = 0; i < fuzz.Count; i++)
        {
            var theirs = reply["decoded"]![trees.Count + i]!;
            RlpItem ours;
            try
            {
                ours = RlpDecoder.Decode(fuzz[i]);
            }
            catch (RlpException)
            {
                continue; // we may be stricter than ethers (canonical checks)
            }
            Assert.True(JsonNode.DeepEquals(theirs, ToJson(ours)), $"seed {seed}, fuzz #{i} {Hex.Encode(fuzz[i])}");
        }
    }

    [Fact]
    public void Random_and_truncated_bytes_decode_or_throw_RlpException_quickly()
    {
        const int seed = 99;
        var rng = new Random(seed);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 20_000; i++)
        {
            var data = i % 2 == 0 ? KeccakTests.RandomBytes(rng, rng.Next(0, 64)) : RlpEncoder.Encode(RandomTree(rng, 0));
            if (i % 2 == 1)
            {
                data = data[..rng.Next(data.Length + 1)];
            }
            try
            {
                var item = RlpDecoder.Decode(data);
                Assert.Equal(data, RlpEncoder.Encode(item)); // strict decoding means re-encoding is the identity
            }
            catch (RlpException)
            {
            }
        }
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"seed {seed}: fuzz loop took {sw.Elapsed}");
    }

    internal static RlpItem RandomTree(Random rng, int depth)
    {
        if (depth < 4 && rng.Next(3) == 0)
        {
            return RlpItem.FromList(Enumerable.Range(0, rng.Next(6)).Select(_ => RandomTree(rng, depth + 1)).ToArray());
        }
        var len = rng.Next(4) switch { 0 => 0, 1 => 1, 2 => rng.Next(2, 56), _ => rng.Next(56, 300) };
        var b = KeccakTests.RandomBytes(rng, len);
        if (len == 1 && rng.Next(2) == 0)
        {
            b[0] &= 0x7f;
        }
        return RlpItem.FromBytes(b);
    }

    private static JsonNode ToJson(RlpItem item) =>
        item.IsList ? new JsonArray(item.Items.Select(ToJson).ToArray()) : JsonValue.Create(Hex.Encode(item.Bytes));
}
