using NutPortal.Core.DappStore;
using NutPortal.Core.DappStore.Provider;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Web.DappStore;

namespace NutPortal.Tests.DappStore;

/// <summary>The provider's small parts: where its script goes in a DApp page, and how a transaction's data is shown for approval.</summary>
public sealed class ProviderPartsTests
{
    private const string Script = "<script src=\"http://portal.test/js/dapp-provider.js\"></script>";
    private const string TransferAbi = """[{"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]}]""";
    private static readonly Address Token = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3");

    [Theory]
    [InlineData("<!doctype html><html><head><title>x</title><script src=\"app.js\"></script></head></html>", "<!doctype html><html><head>" + Script + "<title>")]
    [InlineData("<!DOCTYPE html><HTML lang=\"en\"><HEAD data-x=\"1\"><header></header>", "<HEAD data-x=\"1\">" + Script + "<header>")]
    [InlineData("<!doctype html><html lang=\"en\"><body><script src=\"app.js\"></script>", "<html lang=\"en\">" + Script + "<body>")]
    [InlineData("<!doctype html><header>no head</header>", "<!doctype html>" + Script + "<header>")]
    [InlineData("<script src=\"app.js\"></script>", Script + "<script src=\"app.js\">")]
    public void The_provider_script_comes_before_any_script_of_the_page_and_after_the_doctype(string page, string expected)
    {
        var served = ProviderInjection.Inject(page, "http://portal.test/js/dapp-provider.js");
        Assert.Contains(expected, served, StringComparison.Ordinal);
        Assert.Equal(1, served.Split("dapp-provider.js").Length - 1);
        Assert.Equal(page.Length + Script.Length, served.Length);
    }

    [Fact]
    public void A_call_to_the_dapps_contract_shows_its_function_and_arguments()
    {
        var to = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        var data = ContractAbi.Parse(TransferAbi).GetFunction("transfer").EncodeCall(to.ToString(), new System.Numerics.BigInteger(2500));
        var call = CallDecoder.Decode(Dapp(), "net-1", Token, data);
        Assert.Equal("Token", call.Contract);
        Assert.Equal("transfer(address,uint256)", call.Function);
        Assert.Equal(("to", "address"), (call.Arguments[0].Name, call.Arguments[0].Type));
        Assert.Equal(to.ToLowerHex(), call.Arguments[0].Value.ToLowerInvariant());
        Assert.Equal("2500", call.Arguments[1].Value);
    }

    [Theory]
    [InlineData("net-1", "0xdeadbeef00", "Token")]           // an unknown selector of the DApp's contract
    [InlineData("net-2", null, null)]                         // the same address on another network is not the DApp's contract
    public void Data_no_saved_abi_explains_is_shown_raw(string network, string? hex, string? contract)
    {
        var data = hex is null
            ? ContractAbi.Parse(TransferAbi).GetFunction("transfer").EncodeCall(Token.ToString(), System.Numerics.BigInteger.One)
            : Hex.Decode(hex);
        var call = CallDecoder.Decode(Dapp(), network, Token, data);
        Assert.Null(call.Function);
        Assert.Equal(contract, call.Contract);
        Assert.Equal(Hex.Encode(data), call.RawData);
        Assert.Empty(call.Arguments);
    }

    private static DappDetail Dapp() => new(
        new Dapp
        {
            Id = "d1", Name = "Nut", Summary = "s", Description = "d", Category = "Tokens", NetworkId = "net-1", OrganizationId = "o", OwnerId = "u", OwnerName = "dev",
        },
        "nut-chain", "Ethereum (anvil)", "dev", 1,
        [new DappContractView(1, Token.ToString(), "Token", "p1", 1, "0.8.30", TransferAbi, new Dictionary<string, string>(), null)],
        null, null, 0, false);
}
