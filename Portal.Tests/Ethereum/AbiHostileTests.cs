using System.Diagnostics;
using System.Numerics;
using System.Text.Json.Nodes;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum;

public class AbiHostileTests
{
    private static byte[] W(BigInteger v) => AbiEncoder.Encode([AbiType.UnsignedInteger(256)], [v]);

    [Fact]
    public void Out_of_range_offsets_and_huge_lengths_throw_AbiException()
    {
        var max = (BigInteger.One << 256) - 1;
        AssertRejected("string", W(max), "Offset");
        AssertRejected("bytes", W(64), "Offset");
        AssertRejected("bytes", [.. W(32), .. W(max)], "Length");
        AssertRejected("bytes", [.. W(32), .. W(1L << 40)], "Length");
        AssertRejected("bytes", [.. W(32), .. W(2), 0x61, 0x62], "past the end"); // padding missing
        AssertRejected("uint256[]", [.. W(32), .. W(int.MaxValue)], "Length");
        AssertRejected("uint256[][]", [.. W(32), .. W(1), .. W(max)], "Offset");
        AssertRejected("uint256[1000000000]", W(1), "needs");
        AssertRejected("uint8", W(256), "out of range");
        AssertRejected("int8", W(128), "out of range");
        AssertRejected("bool", W(2), "bool");
        AssertRejected("address", W(BigInteger.One << 160), "address");
        AssertRejected("bytes2", [0xab, 0xcd, 0x01, .. new byte[29]], "padding");
        AssertRejected("string", [.. W(32), .. W(2), 0xc3, 0x28, .. new byte[30]], "UTF-8");
        AssertRejected("uint256", new byte[31], "data ends at 31");
        AssertRejected("()[2000000000]", [], "far more");
    }

    [Fact]
    public void Values_must_sit_where_a_canonical_encoding_puts_them()
    {
        var types = new[] { AbiType.Text, AbiType.Text };
        var canonical = AbiEncoder.Encode(types, ["a", "b"]);
        Assert.Equal(["a", "b"], AbiDecoder.Decode(types, canonical));

        // The same two strings with their tails swapped: every offset and length is in bounds, but Nethereum slices
        // each tail up to the next offset, so this layout is refused rather than decoded differently from ethers.
        byte[] swapped = [.. W(128), .. W(64), .. canonical[128..], .. canonical[64..128]];
        var e = Assert.Throws<AbiException>(() => AbiDecoder.Decode(types, swapped));
        Assert.Contains("canonical", e.Message);
    }

    [Fact]
    public void Overlapping_offsets_cannot_amplify_memory()
    {
        // uint256[][][]: every array element points at the same inner array, so naive decoding explodes as n^3.
        const int n = 2000;
        var data = new List<byte>();
        data.AddRange(W(32));           // offset of the outer array
        data.AddRange(W(n));            // outer length
        for (var i = 0; i < n; i++)
        {
            data.AddRange(W(32 * n));   // each element (relative to the elements' start) -> the shared array below
        }
        data.AddRange(W(n));            // shared array length
        for (var i = 0; i < n; i++)
        {
            data.AddRange(W(0));        // elements all point at the shared array's own start (its length word)
        }
        var sw = Stopwatch.StartNew();
        AssertRejected("uint256[][][]", [.. data], "far more");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
    }

    [Fact]
    public async Task Fuzzed_data_decodes_like_ethers_or_throws_AbiException_within_time_bound()
    {
        const int seed = 2024;
        var rng = new Random(seed);
        var sw = Stopwatch.StartNew();
        var accepted = new List<(List<AbiType> Types, byte[] Data, JsonArray Json)>();
        var rejected = 0;
        for (var i = 0; i < 4000; i++)
        {
            var types = Enumerable.Range(0, rng.Next(1, 4)).Select(_ => AbiRandom.Type(rng)).ToList();
            var valid = AbiEncoder.Encode(types, AbiTests.Parse(types, new JsonArray(types.Select(t => AbiRandom.Value(rng, t)).ToArray())));
            var data = Mutate(rng, valid);
            try
            {
                var values = AbiDecoder.Decode(types, data);
                accepted.Add((types, data, new JsonArray(types.Select((t, j) => AbiValueFormatter.ToJson(t, values[j])).ToArray())));
            }
            catch (AbiException)
            {
                rejected++;
            }
        }
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"seed {seed}: fuzz loop took {sw.Elapsed}");
        Assert.True(rejected > 100 && accepted.Count > 100, $"seed {seed}: {rejected} rejected, {accepted.Count} accepted");
        // Whatever we accept, ethers must decode to the same values (we are at least as strict).
        var sample = accepted.Take(400).ToList();
        var request = new JsonObject
        {
            ["encode"] = new JsonArray(),
            ["decode"] = new JsonArray(sample.Select(c => (JsonNode)new JsonObject { ["types"] = AbiTests.TypeNames(c.Types), ["data"] = Hex.Encode(c.Data) }).ToArray()),
            ["ids"] = new JsonArray(),
            ["logs"] = new JsonArray(),
        };
        var reply = JsonNode.Parse(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/abi.mjs", request.ToJsonString()))!;
        for (var i = 0; i < sample.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(reply["decode"]![i], sample[i].Json), $"seed {seed}, accepted #{i}: ethers {reply["decode"]![i]!.ToJsonString()} vs ours {sample[i].Json.ToJsonString()}");
        }
    }

    private static byte[] Mutate(Random rng, byte[] valid)
    {
        var data = (byte[])valid.Clone();
        switch (rng.Next(5))
        {
            case 0:
                return data[..rng.Next(data.Length + 1)];
            case 1 when data.Length >= 32:
                var word = rng.Next(data.Length / 32) * 32;
                var replacement = rng.Next(3) switch { 0 => W((BigInteger.One << 256) - 1), 1 => W(rng.Next(0, 4096)), _ => W(BigInteger.One << rng.Next(0, 255)) };
                replacement.CopyTo(data, word);
                return data;
            case 2 when data.Length > 0:
                data[rng.Next(data.Length)] ^= (byte)(1 + rng.Next(255));
                return data;
            case 3:
                return TestBytes.Random(rng, rng.Next(0, 200));
            default:
                return [.. data, .. TestBytes.Random(rng, rng.Next(1, 64))]; // trailing bytes are allowed, as in ethers
        }
    }

    private static void AssertRejected(string type, byte[] data, string problem)
    {
        var ex = Assert.Throws<AbiException>(() => AbiDecoder.Decode([AbiType.Parse(type)], data));
        Assert.Contains(problem, ex.Message);
    }
}
