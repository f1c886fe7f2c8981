using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.ChainBrowser;

/// <summary>The chain browser's API on a real one-node Litecoin regtest network: a wallet payment read as the UTXO chain has it.</summary>
public sealed class LitecoinChainBrowserTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_payment_shows_the_coinbase_it_spends_its_outputs_and_fee_and_its_block_lists_it_bad_input_is_400_unknown_404()
    {
        var owner = await Tenants.CreateOrganizationAsync(portal, $"Browse {Guid.NewGuid():N}");
        using var operatorUser = await Tenants.UserAsync(portal, owner, "Operator");
        var client = operatorUser.Client;
        var id = (await CreateAsync(client, new
        {
            name = "ltc-browse", platform = "litecoin", nodeCount = 1, consensus = "pow", blockIntervalSeconds = 3600, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        var node = Node(await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(90), "Running"));
        var miner = (await RpcAsync(id, node, "getnewaddress", [], "wallet/portal")).GetString()!;
        await RpcAsync(id, node, "generatetoaddress", [101, miner]);
        var coins = (await RpcAsync(id, node, "listunspent", [], "wallet/portal")).EnumerateArray()
            .ToDictionary(u => $"{u.GetProperty("txid").GetString()}:{u.GetProperty("vout").GetInt32()}", u => (Address: u.GetProperty("address").GetString(), Amount: u.GetProperty("amount").GetDecimal()));
        var payee = (await RpcAsync(id, node, "getnewaddress", [], "wallet/portal")).GetString()!;
        var txid = (await RpcAsync(id, node, "sendtoaddress", [payee, 1.5m], "wallet/portal")).GetString()!;
        var fee = -(await RpcAsync(id, node, "gettransaction", [txid], "wallet/portal")).GetProperty("fee").GetDecimal();
        await RpcAsync(id, node, "generatetoaddress", [1, miner]);
        var height = (await RpcAsync(id, node, "getblockcount", [])).GetInt64();

        var tx = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/transactions/{txid}");
        var block = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/blocks/{tx.GetProperty("blockHeight").GetInt64()}");
        var blocks = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/blocks?from={height}&count=3");
        var input = tx.GetProperty("inputs")[0];
        var spent = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/transactions/{input.GetProperty("previousTransaction").GetString()}");
        var address = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/addresses/{payee}");
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/search?q={txid}");

        // The inputs are the wallet's coinbase coins, with the address and value the wallet listed them under.
        foreach (var i in tx.GetProperty("inputs").EnumerateArray())
        {
            var coin = coins[$"{i.GetProperty("previousTransaction").GetString()}:{i.GetProperty("previousOutput").GetInt32()}"];
            Assert.Equal((coin.Address, coin.Amount), (i.GetProperty("address").GetString(), decimal.Parse(i.GetProperty("value").GetString()!, CultureInfo.InvariantCulture)));
        }
        Assert.True(spent.GetProperty("coinbase").GetBoolean());
        Assert.Empty(spent.GetProperty("inputs").EnumerateArray());
        Assert.True(spent.GetProperty("outputs")[input.GetProperty("previousOutput").GetInt32()].GetProperty("spent").GetBoolean());
        var paid = Assert.Single(tx.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("address").GetString() == payee);
        Assert.Equal(("1.50000000", false), (paid.GetProperty("value").GetString(), paid.GetProperty("spent").GetBoolean()));
        Assert.Equal(fee.ToString("0.00000000", CultureInfo.InvariantCulture), tx.GetProperty("fee").GetString());
        Assert.False(tx.GetProperty("coinbase").GetBoolean());
        // The portal's own miner may add a block between the reads: the block, read later, has at least as many confirmations.
        Assert.Equal(height, tx.GetProperty("blockHeight").GetInt64());
        Assert.InRange(tx.GetProperty("confirmations").GetInt64(), 1, block.GetProperty("confirmations").GetInt64());
        Assert.Contains(block.GetProperty("transactions").EnumerateArray(), t => t.GetProperty("id").GetString() == txid);
        Assert.Equal("coinbase → ", block.GetProperty("transactions")[0].GetProperty("summary").GetString()![..11]);
        Assert.Equal([height, height - 1, height - 2], blocks.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("height").GetInt64()));
        Assert.Equal("1.50000000", address.GetProperty("balances")[0].GetProperty("amount").GetString());
        Assert.Equal($"{txid}:{paid.GetProperty("index").GetInt32()}", address.GetProperty("unspent").EnumerateArray().Select(u => $"{u.GetProperty("transaction").GetString()}:{u.GetProperty("output").GetInt32()}").Single());
        Assert.Equal(("transaction", txid), (search.GetProperty("kind").GetString(), search.GetProperty("key").GetString()));

        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/transactions/xyz", HttpStatusCode.BadRequest, "transaction");
        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/blocks/tip", HttpStatusCode.BadRequest, "block");
        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/addresses/not-an-address", HttpStatusCode.BadRequest, "address");
        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/blocks?count=500", HttpStatusCode.BadRequest, "count");
        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/transactions/{new string('0', 64)}", HttpStatusCode.NotFound, $"No transaction {new string('0', 64)}");
        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/blocks/{height + 1000}", HttpStatusCode.NotFound, $"No block at height {height + 1000}");
        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/blocks/{new string('a', 64)}", HttpStatusCode.NotFound, "No block");
        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/search?q={new string('b', 64)}", HttpStatusCode.NotFound, "No transaction and no block");
        await AssertProblemAsync(client, $"/api/v1/networks/{id}/chain/search?q=nonsense", HttpStatusCode.BadRequest, "\"q\"");

        var elsewhere = await Tenants.CreateOrganizationAsync(portal, $"Elsewhere {Guid.NewGuid():N}");
        using var outsider = await Tenants.UserAsync(portal, elsewhere, "Owner");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/networks/{id}/chain/transactions/{txid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/networks/{id}/chain/blocks")).StatusCode);
    }

    private static async Task AssertProblemAsync(HttpClient client, string url, HttpStatusCode status, string text)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Contains(text, body, StringComparison.Ordinal);
    }

    private Task<JsonElement> RpcAsync(string networkId, JsonElement node, string method, object[] parameters, string path = "") =>
        LitecoinRpc.CallAsync(portal.DataDirectory, networkId, node, method, parameters, path);
}
