using NutPortal.Core.Networks.Platforms;
using NutPortal.Core.Oracle;

namespace NutPortal.Tests.Oracle;

/// <summary>How a network source is written as a portal:// URL (on chain, in the log) and read back.</summary>
public sealed class OracleNetworkSourceTests
{
    [Fact]
    public void A_contract_call_with_a_signature_and_arguments_survives_the_round_trip_through_its_url()
    {
        var source = new OracleNetworkSource("abc123", Contract: "0x52908400098527886E0F7030069857D2E4169EE7", Method: "balanceOf(address) returns (uint256)",
            ArgsJson: "[\"0x52908400098527886E0F7030069857D2E4169EE7\"]");

        var url = source.ToUrl();

        Assert.StartsWith("portal://abc123/call/0x52908400098527886E0F7030069857D2E4169EE7/balanceOf%28address%29%20returns%20%28uint256%29?args=", url, StringComparison.Ordinal);
        Assert.Equal(source, OracleNetworkSource.Parse(url).Source);
        Assert.Equal("values[0]", source.DefaultSelector);
    }

    [Fact]
    public void A_balance_written_by_hand_in_a_contract_is_read_with_its_asset_and_defaults_to_units()
    {
        var (source, error) = OracleNetworkSource.Parse("portal://ltc42/balances/rltc1qxyz?asset=LTC");

        Assert.Null(error);
        Assert.Equal(new OracleNetworkSource("ltc42", "rltc1qxyz", "LTC"), source);
        Assert.Equal("units", source!.DefaultSelector);
        Assert.Equal("ltc: balance of rltc1qxyz (LTC)", source.Describe("ltc"));
    }

    [Theory]
    [InlineData("portal://net/balance/addr")]
    [InlineData("portal://net/balances/")]
    [InlineData("portal://net/call/0xabc")]
    [InlineData("portal://net/balances/addr?color=red")]
    public void A_malformed_source_url_is_refused_naming_both_forms(string url)
    {
        var (source, error) = OracleNetworkSource.Parse(url);

        Assert.Null(source);
        Assert.Contains("portal://{network}/balances/{address}[?asset=...] or portal://{network}/call/{contract}/{method}[?args=[...]]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submission_naming_a_source_url_gets_the_source_and_a_url_and_a_source_together_are_refused()
    {
        var limits = new OracleOptions();
        var fromUrl = new OracleSubmission("n1", "portal://n2/balances/addr").Normalized();
        var both = new OracleSubmission("n1", "https://example.com/", Source: new OracleNetworkSource("n2", "addr")).Normalized();
        var badArgs = new OracleSubmission("n1", "", Source: new OracleNetworkSource("n2", Contract: "GAS", Method: "balanceOf", ArgsJson: "{\"a\":1}")).Normalized();

        Assert.Equal((new OracleNetworkSource("n2", "addr"), "units"), (fromUrl.Source, fromUrl.Selector));
        Assert.Empty(OracleSubmissionRules.Check(fromUrl, limits));
        Assert.Contains(OracleSubmissionRules.Check(both, limits), e => e.Field == "url" && e.Message == "Give either a url or a network source, not both.");
        Assert.Contains(OracleSubmissionRules.Check(badArgs, limits), e => e.Field == "network_source.call.args_json");
    }

    [Theory]
    [InlineData(1234500000, 8, "12.34500000")]
    [InlineData(5, 18, "0.000000000000000005")]
    [InlineData(100000000, 0, "100000000")]
    [InlineData(-15, 1, "-1.5")]
    public void Balances_are_written_exactly_in_whole_coins(long units, int decimals, string amount) =>
        Assert.Equal(amount, ChainBalance.Format(units, decimals));
}
