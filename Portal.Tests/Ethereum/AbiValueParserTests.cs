using System.Numerics;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.Keys;

namespace NutPortal.Tests.Ethereum;

public class AbiValueParserTests
{
    [Theory]
    [InlineData("uint256", " 1000 ", "\"1000\"")]
    [InlineData("uint8", "0xff", "\"255\"")]
    [InlineData("int16", "-32768", "\"-32768\"")]
    [InlineData("int16", "-0x10", "\"-16\"")]
    [InlineData("bool", "true", "true")]
    [InlineData("bool", "0", "false")]
    [InlineData("address", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"")]
    [InlineData("bytes", "0xDEADbeef", "\"0xdeadbeef\"")]
    [InlineData("bytes2", "0x0102", "\"0x0102\"")]
    [InlineData("string", " keep spaces ", "\" keep spaces \"")]
    [InlineData("uint8[]", "[1, \"2\", \"0x03\"]", "[\"1\",\"2\",\"3\"]")]
    [InlineData("(uint8 a,string b)[1]", "[{\"a\": 7, \"b\": \"x\"}]", "[[\"7\",\"x\"]]")]
    [InlineData("(bool,address)", "[false, \"0x0000000000000000000000000000000000000000\"]", "[false,\"0x0000000000000000000000000000000000000000\"]")]
    public void Parses_user_input_and_formats_back(string type, string input, string json)
    {
        var t = AbiType.Parse(type);
        var value = AbiValueParser.Parse(t, input);
        Assert.Equal(json, AbiValueFormatter.ToJson(t, value)!.ToJsonString());
        AbiEncoder.EncodeValue(t, value); // parsed values are always encodable
    }

    [Theory]
    [InlineData("uint8", "256", "out of range")]
    [InlineData("uint256", "-1", "out of range")]
    [InlineData("uint256", "1.5", "integer")]
    [InlineData("uint256", "1e18", "integer")]
    [InlineData("uint256", "", "integer")]
    [InlineData("int8", "0x", "integer")]
    [InlineData("bool", "yes", "bool")]
    [InlineData("address", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "address")]
    [InlineData("bytes", "deadbeef", "0x-prefixed")]
    [InlineData("bytes", "0xabc", "0x-prefixed")]
    [InlineData("bytes4", "0x0102", "exactly 4")]
    [InlineData("uint8[2]", "[1]", "expects 2")]
    [InlineData("uint8[]", "[1,", "JSON")]
    [InlineData("uint8[]", "{\"a\":1}", "array")]
    [InlineData("(uint8 a,bool b)", "{\"a\":1}", "missing field 'b'")]
    [InlineData("(uint8,bool)", "[1]", "expects 2 fields")]
    public void Rejects_bad_user_input_with_a_clear_message(string type, string input, string problem)
    {
        var ex = Assert.Throws<AbiException>(() => AbiValueParser.Parse(AbiType.Parse(type), input));
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void Deeply_nested_json_input_is_rejected_cleanly()
    {
        var type = AbiType.Parse("uint8[]");
        var input = new string('[', 100_000) + new string(']', 100_000);
        Assert.Throws<AbiException>(() => AbiValueParser.Parse(type, input));
    }

    [Fact]
    public void Hex_helpers_round_trip_and_reject_garbage()
    {
        Assert.Equal("0x00ff10", Hex.Encode([0, 255, 16]));
        Assert.Equal("00ff10", Hex.Encode([0, 255, 16], prefix: false));
        Assert.Equal(new byte[] { 0xab, 0xcd }, Hex.Decode("0XABcd"));
        Assert.Equal(new byte[] { 0xab }, Hex.Decode("ab"));
        Assert.Empty(Hex.Decode("0x"));
        Assert.Throws<FormatException>(() => Hex.Decode("0xabc"));
        Assert.Throws<FormatException>(() => Hex.Decode("0xzz"));
        Assert.False(Hex.TryDecode("0x1g", out _));
        Assert.False(Hex.TryDecode(null, out _));
        Assert.True(Hex.TryDecode("0x", out var empty) && empty.Length == 0);
        Assert.Equal(BigInteger.One, new BigInteger(Hex.Decode("0x01"), isUnsigned: true, isBigEndian: true));
        Assert.Equal(Address.Zero, default);
    }
}
