using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Tests.Ethereum.JsonRpc;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("0x0", "0")]
    [InlineData("0x1f", "31")]
    [InlineData("0xff", "255")]
    [InlineData("0x21e19e0c9bab2400000", "10000000000000000000000")]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000", "57896044618658097711785492504343953926634992332820282019728792003956564819968")]
    public void Quantities_round_trip_as_unsigned(string hex, string value)
    {
        var parsed = Quantity.ParseBigInteger(hex);
        Assert.Equal(BigInteger.Parse(value), parsed);
        Assert.Equal(hex, Quantity.Format(parsed));
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("ff")]
    [InlineData("0xg1")]
    [InlineData("-0x1")]
    [InlineData("0x 1")]
    [InlineData("")]
    public void Malformed_quantities_are_rejected(string text)
    {
        Assert.False(Quantity.TryParse(text, out BigInteger _));
        Assert.False(Quantity.TryParse(text, out ulong _));
    }

    [Fact]
    public void UInt64_accepts_leading_zeros_and_rejects_overflow()
    {
        Assert.Equal(ulong.MaxValue, Quantity.ParseUInt64("0x00ffffffffffffffff"));
        Assert.Throws<FormatException>(() => Quantity.ParseUInt64("0x10000000000000000"));
        Assert.Equal("0x0", Quantity.Format(0UL));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Format(BigInteger.MinusOne));
    }

    [Fact]
    public void Request_parameters_serialise_quantities_and_block_tags_as_hex_strings()
    {
        var json = JsonSerializer.Serialize<object?[]>(
            [
                new RpcTransactionRequest { From = "0xab", Value = BigInteger.Parse("1000000000000000000"), Gas = 21000 },
                BlockParameter.FromNumber(0),
                default(BlockParameter),
                BlockParameter.Pending,
                new RpcLogFilter { FromBlock = 16UL, Topics = [null, ["0x01"]] },
            ],
            EthereumRpc.Json);
        Assert.Equal(
            """[{"from":"0xab","gas":"0x5208","value":"0xde0b6b3a7640000"},"0x0","latest","pending",{"fromBlock":"0x10","topics":[null,["0x01"]]}]""",
            json);
    }

    [Fact]
    public void Block_parameter_parses_tags_and_numbers()
    {
        Assert.Equal(BlockParameter.Safe, BlockParameter.Parse("safe"));
        Assert.Equal(BlockParameter.FromNumber(26), BlockParameter.Parse("0x1a"));
        Assert.Throws<FormatException>(() => BlockParameter.Parse("newest"));
    }
}
