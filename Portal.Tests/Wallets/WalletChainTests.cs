using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Core.Ethereum.Keys;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Organizations;

namespace NutPortal.Tests.Wallets;

/// <summary>Wallet accounts on a real anvil network: the faucet and its limits, sends with their fee, refusals before
/// anything is signed, and ERC-20 holdings found through the explorer's Transfer index.</summary>
public sealed class WalletChainTests(WalletPortalFactory portal) : IClassFixture<WalletPortalFactory>
{
    [Fact]
    public async Task The_faucet_funds_then_rate_limits_sends_move_ether_and_more_than_the_balance_is_refused_with_nothing_sent()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Faucet {Guid.NewGuid():N}");
        var elsewhere = await Tenants.CreateOrganizationAsync(portal, $"Elsewhere {Guid.NewGuid():N}");
        using var operatorUser = await Tenants.UserAsync(portal, org, "Operator");
        using var member = await Tenants.UserAsync(portal, org, "Member");
        using var outsider = await Tenants.UserAsync(portal, elsewhere, "Owner");
        var network = await WalletApi.RunningNetworkAsync(operatorUser.Client, "wallet-faucet");
        var first = (await WalletApi.CreateAsync(member.Client, "first")).GetProperty("id").GetInt64();
        var second = (await WalletApi.CreateAsync(member.Client, "second")).GetProperty("id").GetInt64();
        var third = (await WalletApi.CreateAsync(member.Client, "third")).GetProperty("id").GetInt64();
        var outsiderAccount = (await WalletApi.CreateAsync(outsider.Client)).GetProperty("id").GetInt64();

        var networks = await member.Client.GetFromJsonAsync<JsonElement>("/api/v1/wallets/networks");
        Assert.Contains(networks.EnumerateArray(), n => n.GetProperty("id").GetString() == network && n.GetProperty("hasFaucet").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsync($"/api/v1/wallets/{outsiderAccount}/networks/{network}/faucet", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/wallets/{first}/networks/{network}/balances")).StatusCode);

        var paid = await WalletApi.ReadAsync(await member.Client.PostAsync($"/api/v1/wallets/{first}/networks/{network}/faucet", null), HttpStatusCode.OK);
        Assert.Equal("1", paid.GetProperty("amount").GetString());
        Assert.Equal("1", (await WalletApi.BalancesAsync(member.Client, first, network)).GetProperty("balance").GetString());
        var perAccount = await member.Client.PostAsync($"/api/v1/wallets/{first}/networks/{network}/faucet", null);
        Assert.Contains("limit 1 per account", (await WalletApi.ReadAsync(perAccount, HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await WalletApi.ReadAsync(await member.Client.PostAsync($"/api/v1/wallets/{second}/networks/{network}/faucet", null), HttpStatusCode.OK);
        var perUser = await member.Client.PostAsync($"/api/v1/wallets/{third}/networks/{network}/faucet", null);
        Assert.Contains("limit 2 per user", (await WalletApi.ReadAsync(perUser, HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("0", (await WalletApi.BalancesAsync(member.Client, third, network)).GetProperty("balance").GetString());
        // Removing a funded account does not give its payment back to the user's limit.
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/v1/wallets/{second}")).StatusCode);
        await WalletApi.ReadAsync(await member.Client.PostAsync($"/api/v1/wallets/{third}/networks/{network}/faucet", null), HttpStatusCode.TooManyRequests);

        using var recipientKey = PrivateKey.Generate();
        var recipient = recipientKey.Address.ToString();
        var tooMuch = await member.Client.PostAsJsonAsync($"/api/v1/wallets/{first}/networks/{network}/send", new { to = recipient, amount = "1.5" });
        var refusal = await WalletApi.ReadAsync(tooMuch, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("holds 1 ETH; it cannot send 1.5 ETH", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Exactly the balance leaves nothing for the fee: refused too, naming the fee.
        var noFee = await WalletApi.ReadAsync(await member.Client.PostAsJsonAsync($"/api/v1/wallets/{first}/networks/{network}/send", new { to = recipient, amount = "1" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("with a fee of up to", noFee.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var badAmount = await WalletApi.ReadAsync(await member.Client.PostAsJsonAsync($"/api/v1/wallets/{first}/networks/{network}/send", new { to = recipient, amount = "1.2.3" }), HttpStatusCode.BadRequest);
        Assert.True(badAmount.GetProperty("errors").TryGetProperty("amount", out _));
        var account = await WalletApi.ReadAsync(await member.Client.GetAsync($"/api/v1/wallets/{first}"), HttpStatusCode.OK);
        using (var rpc = new HttpClient())
        {
            var nodeUrl = NetworkApi.Node(await NetworkApi.GetAsync(operatorUser.Client, network)).GetProperty("rpcUrl").GetString()!;
            Assert.Equal("0x0", await RpcAsync(rpc, nodeUrl, "eth_getTransactionCount", account.GetProperty("address").GetString()!, "pending"));

            var estimate = await WalletApi.ReadAsync(await member.Client.PostAsJsonAsync($"/api/v1/wallets/{first}/networks/{network}/estimate", new { to = recipient, amount = "0.25" }), HttpStatusCode.OK);
            Assert.Equal(21000UL, estimate.GetProperty("gas").GetUInt64());
            Assert.Equal("ETH", estimate.GetProperty("asset").GetString());
            var sent = await WalletApi.ReadAsync(await member.Client.PostAsJsonAsync($"/api/v1/wallets/{first}/networks/{network}/send", new { to = recipient, amount = "0.25" }), HttpStatusCode.OK);
            Assert.True(sent.GetProperty("succeeded").GetBoolean());
            Assert.Equal("0x3782dace9d90000", await RpcAsync(rpc, nodeUrl, "eth_getBalance", recipient, "latest")); // 0.25 ETH
        }
        var left = BigInteger.Parse((await WalletApi.BalancesAsync(member.Client, first, network)).GetProperty("balanceWei").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(left, BigInteger.Parse("740000000000000000", System.Globalization.CultureInfo.InvariantCulture), BigInteger.Parse("750000000000000000", System.Globalization.CultureInfo.InvariantCulture) - 1);
        await Eventually.HoldsAsync(async () =>
        {
            var history = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/wallets/{first}/networks/{network}/history");
            return history.EnumerateArray().Any(t => t.GetProperty("direction").GetString() == "out" && t.GetProperty("value").GetString() == "0.25")
                && history.EnumerateArray().Any(t => t.GetProperty("direction").GetString() == "in" && t.GetProperty("value").GetString() == "1");
        }, "the faucet payment and the send in the account's history");
    }

    [Fact]
    public async Task An_erc20_transfer_to_the_account_shows_in_its_holdings_and_the_account_sends_tokens_on()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Tokens {Guid.NewGuid():N}");
        using var developer = await Tenants.UserAsync(portal, org, "Operator", "Developer");
        var network = await WalletApi.RunningNetworkAsync(developer.Client, "wallet-tokens");
        var other = await WalletApi.RunningNetworkAsync(developer.Client, "wallet-tokens-other");
        var wallet = await WalletApi.CreateAsync(developer.Client, "holder");
        var id = wallet.GetProperty("id").GetInt64();
        var address = wallet.GetProperty("address").GetString()!;
        var deployed = await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts", new
        {
            source = ContractTemplates.Find("erc20")!.Source,
            contractName = "Token",
            constructorArguments = new object[] { "Nut", "NUT", "1000000000000000000000" },
        }), HttpStatusCode.Created);
        var token = deployed.GetProperty("address").GetString()!;
        await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts/{token}/invoke",
            new { function = "transfer", arguments = new[] { address, "5000000000000000000" } }), HttpStatusCode.OK);

        JsonElement holding = default;
        await Eventually.HoldsAsync(async () =>
        {
            var tokens = (await WalletApi.BalancesAsync(developer.Client, id, network)).GetProperty("tokens");
            holding = tokens.EnumerateArray().FirstOrDefault(t => string.Equals(t.GetProperty("contract").GetString(), token, StringComparison.OrdinalIgnoreCase));
            return holding.ValueKind == JsonValueKind.Object;
        }, "the token in the account's holdings once the explorer indexed the transfer");
        Assert.Equal("NUT", holding.GetProperty("symbol").GetString());
        Assert.Equal("5", holding.GetProperty("balance").GetString());

        using var recipient = PrivateKey.Generate();
        var noGas = await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/networks/{network}/send",
            new { to = recipient.Address.ToString(), amount = "2", token }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("the account holds 0 ETH", noGas.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await WalletApi.ReadAsync(await developer.Client.PostAsync($"/api/v1/wallets/{id}/networks/{network}/faucet", null), HttpStatusCode.OK);
        var tooMany = await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/networks/{network}/send",
            new { to = recipient.Address.ToString(), amount = "6", token }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("holds 5 NUT; it cannot send 6 NUT", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var wrongNetwork = await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/networks/{other}/send",
            new { to = recipient.Address.ToString(), amount = "1", token }), HttpStatusCode.BadRequest);
        Assert.Contains("no contract at", wrongNetwork.GetProperty("errors").GetProperty("token")[0].GetString(), StringComparison.Ordinal);

        var sent = await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/networks/{network}/send",
            new { to = recipient.Address.ToString(), amount = "2", token }), HttpStatusCode.OK);
        Assert.True(sent.GetProperty("succeeded").GetBoolean());
        Assert.Equal("erc20", sent.GetProperty("estimate").GetProperty("kind").GetString());
        var after = (await WalletApi.BalancesAsync(developer.Client, id, network)).GetProperty("tokens");
        Assert.Equal("3", after.EnumerateArray().Single(t => string.Equals(t.GetProperty("contract").GetString(), token, StringComparison.OrdinalIgnoreCase)).GetProperty("balance").GetString());
    }

    [Fact]
    public async Task A_minted_erc721_token_shows_among_the_collectibles_and_leaves_them_once_the_account_sends_it()
    {
        var org = await Tenants.CreateOrganizationAsync(portal, $"Nfts {Guid.NewGuid():N}");
        using var developer = await Tenants.UserAsync(portal, org, "Operator", "Developer");
        var network = await WalletApi.RunningNetworkAsync(developer.Client, "wallet-nfts");
        var wallet = await WalletApi.CreateAsync(developer.Client, "collector");
        var id = wallet.GetProperty("id").GetInt64();
        var deployed = await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts", new
        {
            source = ContractTemplates.Find("erc721")!.Source, contractName = "Collectible", constructorArguments = new object[] { "Nut Art", "NART" },
        }), HttpStatusCode.Created);
        var collection = deployed.GetProperty("address").GetString()!;
        foreach (var uri in new[] { "ipfs://one", "ipfs://two" })
        {
            await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts/{collection}/invoke",
                new { function = "mint", arguments = new[] { wallet.GetProperty("address").GetString()!, uri } }), HttpStatusCode.OK);
        }
        await Eventually.HoldsAsync(async () => (await WalletApi.BalancesAsync(developer.Client, id, network)).GetProperty("nfts").GetArrayLength() == 2,
            "both minted tokens among the account's collectibles");
        var nfts = (await WalletApi.BalancesAsync(developer.Client, id, network)).GetProperty("nfts");
        Assert.Equal(["1", "2"], nfts.EnumerateArray().Select(n => n.GetProperty("tokenId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(nfts.EnumerateArray(), n => Assert.Equal("NART", n.GetProperty("symbol").GetString()));

        await WalletApi.ReadAsync(await developer.Client.PostAsync($"/api/v1/wallets/{id}/networks/{network}/faucet", null), HttpStatusCode.OK);
        using var recipient = PrivateKey.Generate();
        var notOwned = await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/networks/{network}/send",
            new { to = recipient.Address.ToString(), token = collection, tokenId = "3" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("does not own token 3", notOwned.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var sent = await WalletApi.ReadAsync(await developer.Client.PostAsJsonAsync($"/api/v1/wallets/{id}/networks/{network}/send",
            new { to = recipient.Address.ToString(), token = collection, tokenId = "1" }), HttpStatusCode.OK);
        Assert.Equal("erc721", sent.GetProperty("estimate").GetProperty("kind").GetString());
        var left = (await WalletApi.BalancesAsync(developer.Client, id, network)).GetProperty("nfts");
        Assert.Equal("2", Assert.Single(left.EnumerateArray()).GetProperty("tokenId").GetString());
    }

    private static async Task<string> RpcAsync(HttpClient http, string url, string method, params object[] parameters)
    {
        var reply = await (await http.PostAsJsonAsync(url, new { jsonrpc = "2.0", id = 1, method, @params = parameters })).Content.ReadFromJsonAsync<JsonElement>();
        return reply.GetProperty("result").GetString()!;
    }
}
