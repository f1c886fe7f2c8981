using System.ComponentModel.DataAnnotations;
using System.Text;
using NutPortal.Core.Oracle;

namespace NutPortal.Tests.Oracle;

public sealed class OracleValueTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"data":{"price":123.456,"big":"57896044618658097711785492504343953926634992332820282019728792003956564819968","ok":"TRUE","list":[1,{"x.y":"z"}],"hex":"0xABCD","none":null}}""");

    [Theory]
    [InlineData("$.data.price", OracleResultType.Int256, 3, "123456")]
    [InlineData("data.price", OracleResultType.String, 0, "123.456")]
    [InlineData("data.ok", OracleResultType.Bool, 0, "true")]
    [InlineData("data.list[1][\"x.y\"]", OracleResultType.String, 0, "z")]
    [InlineData("data.list", OracleResultType.String, 0, "[1,{\"x.y\":\"z\"}]")]
    [InlineData("data.hex", OracleResultType.Bytes, 0, "0xabcd")]
    public void A_selected_value_is_typed(string selector, OracleResultType type, int decimals, string expected) =>
        Assert.Equal((expected, (string?)null), OracleValue.FromBody(Body, selector, type, decimals));

    [Theory]
    [InlineData("$.data.price", OracleResultType.Int256, 2, "123.456 x 10^2 is not a whole number; raise the request's decimals.")]
    [InlineData("data.big", OracleResultType.Int256, 0, "57896044618658097711785492504343953926634992332820282019728792003956564819968 does not fit in int256.")]
    [InlineData("data.list[5]", OracleResultType.String, 0, "No element [5] at $.data.list (a JSON array of 2).")]
    [InlineData("data.none", OracleResultType.String, 0, "The selected value is null.")]
    [InlineData("data.list", OracleResultType.Bool, 0, "The selected value is a JSON array, not a Bool.")]
    [InlineData("data[", OracleResultType.String, 0, "Selector: '[' at position 4 is never closed.")]
    public void A_value_that_cannot_be_typed_fails_with_the_reason(string selector, OracleResultType type, int decimals, string error) =>
        Assert.Equal(((string?)null, error), OracleValue.FromBody(Body, selector, type, decimals));

    [Fact]
    public void Without_a_selector_the_whole_body_is_the_value_and_a_non_json_body_fails_a_selector()
    {
        Assert.Equal(("42", null), OracleValue.FromBody("  42\n"u8.ToArray(), null, OracleResultType.Int256, 0));
        Assert.Equal(("0x3432", null), OracleValue.FromBody("42"u8.ToArray(), "", OracleResultType.Bytes, 0));
        Assert.StartsWith("The answer is not JSON", OracleValue.FromBody("<html>"u8.ToArray(), "a", OracleResultType.String, 0).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_mapping_turns_several_paths_into_one_tuple_and_names_the_field_that_failed()
    {
        var mapped = OracleValue.FromBody(Body, "int256:3 $.data.price; bool data.ok; string data.list[1][\"x.y\"]", OracleResultType.Tuple, 0);
        var missing = OracleValue.FromBody(Body, "int256 data.price; bool data.gone", OracleResultType.Tuple, 3);
        var badType = OracleMapping.Parse("uint8 data.price");

        Assert.Equal(("[\"123456\",\"true\",\"z\"]", (string?)null), mapped);
        Assert.Equal("Field 1 (data.price): 123.456 x 10^0 is not a whole number; raise the request's decimals.", missing.Error);
        Assert.Equal("Field 1: 'uint8' is not one of string, int256, bool, bytes.", badType.Error);
    }

    [Fact]
    public void A_tuple_answer_is_abi_encoded_field_by_field_for_its_contract()
    {
        var request = new OracleRequest
        {
            NetworkId = "n", UserId = "u", Url = "http://x/", Host = "x", Method = "GET", Status = OracleStatus.Succeeded,
            ResultType = OracleResultType.Tuple, Selector = "int256 a; bool b; string c", Value = "[\"-5\",\"true\",\"hi\"]",
        };

        var encoded = NutPortal.Core.Oracle.Chain.OracleAbi.EncodeValue(request);
        var decoded = NutPortal.Core.Ethereum.Abi.AbiDecoder.Decode(
            [NutPortal.Core.Ethereum.Abi.AbiType.Parse("int256"), NutPortal.Core.Ethereum.Abi.AbiType.Bool, NutPortal.Core.Ethereum.Abi.AbiType.Parse("string")], encoded);

        Assert.Equal([new System.Numerics.BigInteger(-5), true, "hi"], decoded);
    }

    [Theory]
    [InlineData("http://localhost:5081", true)]
    [InlineData("", true)]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost:5081", false)]
    [InlineData("localhost:5081", false)]
    public void The_grpc_url_must_be_plain_http_with_a_port(string url, bool valid)
    {
        var options = new OracleOptions { GrpcUrl = url };
        var results = new List<ValidationResult>();

        var ok = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, ok);
        Assert.All(results, r => Assert.Contains("Portal:Oracle:GrpcUrl", r.ErrorMessage, StringComparison.Ordinal));
    }
}
