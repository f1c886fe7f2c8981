using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Hashing;
using NutPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NutPortal.Tests.Ethereum;

public class KeccakTests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("transfer(address,uint256)", "0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Known_answers(string text, string expected) =>
        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(Encoding.UTF8.GetBytes(text))));

    [Fact]
    public void Span_overload_matches_array_overload_and_rejects_short_output()
    {
        var data = new byte[300];
        new Random(7).NextBytes(data);
        Span<byte> digest = stackalloc byte[32];
        Keccak256.Hash(data, digest);
        Assert.Equal(Keccak256.Hash(data), digest.ToArray());
        Assert.Throws<ArgumentException>(() => Keccak256.Hash(data, new byte[31]));
    }

    [Fact]
    public async Task Matches_ethers_on_random_inputs_around_block_boundaries()
    {
        const int seed = 20261122;
        var rng = new Random(seed);
        var inputs = new List<byte[]>();
        // Every length up to three blocks (rate is 136), then random long ones.
        for (var len = 0; len <= 3 * 136 + 2; len++)
        {
            inputs.Add(RandomBytes(rng, len));
        }
        for (var i = 0; i < 50; i++)
        {
            inputs.Add(RandomBytes(rng, rng.Next(409, 5000)));
        }
        var json = JsonSerializer.Serialize(inputs.Select(b => Hex.Encode(b)));
        var expected = JsonSerializer.Deserialize<string[]>(await NodeScript.RunAsync("Portal.Tests/Ethereum/Peers/keccak.mjs", json))!;
        for (var i = 0; i < inputs.Count; i++)
        {
            Assert.True(expected[i] == Hex.Encode(Keccak256.Hash(inputs[i])), $"seed {seed}, input #{i} (length {inputs[i].Length})");
        }
    }

    internal static byte[] RandomBytes(Random rng, int length)
    {
        var b = new byte[length];
        rng.NextBytes(b);
        return b;
    }
}
