using System.Text;
using System.Text.Json;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Hashing;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum;

public class KeccakTests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("transfer(address,uint256)", "0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    public void Known_answers(string text, string expected) =>
        Assert.Equal(expected, Hex.Encode(Keccak256.Hash(Encoding.UTF8.GetBytes(text))));

    // keccak-f[1600] applied once and twice to the all-zero state, from the Keccak team's
    // KeccakF-1600-IntermediateValues.txt (lanes 0..24, lane index 5y + x).
    private static readonly ulong[] ZeroStateOnce =
    [
        0xF1258F7940E1DDE7, 0x84D5CCF933C0478A, 0xD598261EA65AA9EE, 0xBD1547306F80494D, 0x8B284E056253D057,
        0xFF97A42D7F8E6FD4, 0x90FEE5A0A44647C4, 0x8C5BDA0CD6192E76, 0xAD30A6F71B19059C, 0x30935AB7D08FFC64,
        0xEB5AA93F2317D635, 0xA9A6E6260D712103, 0x81A57C16DBCF555F, 0x43B831CD0347C826, 0x01F22F1A11A5569F,
        0x05E5635A21D9AE61, 0x64BEFEF28CC970F2, 0x613670957BC46611, 0xB87C5A554FD00ECB, 0x8C3EE88A1CCF32C8,
        0x940C7922AE3A2614, 0x1841F924A2C509E4, 0x16F53526E70465C2, 0x75F644E97F30A13B, 0xEAF1FF7B5CECA249,
    ];

    private static readonly ulong[] ZeroStateTwice =
    [
        0x2D5C954DF96ECB3C, 0x6A332CD07057B56D, 0x093D8D1270D76B6C, 0x8A20D9B25569D094, 0x4F9C4F99E5E7F156,
        0xF957B9A2DA65FB38, 0x85773DAE1275AF0D, 0xFAF4F247C3D810F7, 0x1F1B9EE6F79A8759, 0xE4FECC0FEE98B425,
        0x68CE61B6B9CE68A1, 0xDEEA66C4BA8F974F, 0x33C43D836EAFB1F5, 0xE00654042719DBD9, 0x7CF8A9F009831265,
        0xFD5449A6BF174743, 0x97DDAD33D8994B40, 0x48EAD5FC5D0BE774, 0xE3B8C8EE55B7B03C, 0x91A0226E649E42E9,
        0x900E3129E7BADD7B, 0x202A9EC5FAA3CCE8, 0x5B3402464E1C3DB6, 0x609F4E62A44C1059, 0x20D06CD26A8FBF5C,
    ];

    [Fact]
    public void Permutation_matches_the_published_zero_state_vectors_and_a_squeeze_gives_the_same_digest_lanes()
    {
        var state = new ulong[25];
        KeccakF1600.Permute(ref state[0], squeeze: false);
        Assert.Equal(ZeroStateOnce, state);
        KeccakF1600.Permute(ref state[0], squeeze: false);
        Assert.Equal(ZeroStateTwice, state);

        var squeezed = (ulong[])ZeroStateOnce.Clone();
        KeccakF1600.Permute(ref squeezed[0], squeeze: true);
        Assert.Equal(ZeroStateTwice[..4], squeezed[..4]);
    }

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
