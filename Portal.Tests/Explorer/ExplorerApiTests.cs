using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;

namespace NutPortal.Tests.Explorer;

public sealed class ExplorerApiTests(ExplorerNetworkFixture fixture) : IClassFixture<ExplorerNetworkFixture>
{
    private string Api => $"/api/v1/networks/{fixture.Chain.Id}";

    [Theory]
    [InlineData("/blocks?before=-1", "before")]
    [InlineData("/blocks?limit=abc", "limit")]
    [InlineData("/blocks?limit=100000", "limit")]
    [InlineData("/blocks/-5", "numberOrHash")]
    [InlineData("/blocks/0x1234", "numberOrHash")]
    [InlineData("/transactions/0xnothex", "hash")]
    [InlineData("/transactions/0x12/trace", "hash")]
    [InlineData("/addresses/0x12345", "address")]
    public async Task Garbage_gets_field_level_problem_details(string path, string field)
    {
        var response = await fixture.Client.GetAsync(Api + path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_huge_search_query_is_refused_naming_the_field()
    {
        var response = await fixture.Client.GetAsync($"{Api}/search?q={new string('9', 4000)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Unknown_network_block_and_transaction_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync("/api/v1/networks/nope/blocks")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync($"{Api}/blocks/99999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync($"{Api}/transactions/0x{new string('a', 64)}")).StatusCode);
    }

    [Fact]
    public async Task Search_leads_to_the_right_page_or_says_nothing_matches()
    {
        var block = await fixture.Chain.Rpc.GetBlockByNumberAsync(fixture.Transfer.BlockNumber);

        Assert.Equal("block", (await SearchAsync(fixture.Transfer.BlockNumber.ToString())).GetProperty("kind").GetString());
        var byHash = await SearchAsync(block!.Hash.ToUpperInvariant().Replace("0X", "0x"));
        Assert.Equal(("block", fixture.Transfer.BlockNumber.ToString()), (byHash.GetProperty("kind").GetString(), byHash.GetProperty("key").GetString()));
        var tx = await SearchAsync(fixture.Transfer.TransactionHash);
        Assert.Equal($"networks/{fixture.Chain.Id}/explorer/tx/{fixture.Transfer.TransactionHash}", tx.GetProperty("path").GetString());
        Assert.Equal("address", (await SearchAsync(fixture.Recipient)).GetProperty("kind").GetString());
        var nothing = await SearchAsync("hello");
        Assert.Equal("none", nothing.GetProperty("kind").GetString());
        Assert.Contains("Nothing matches", nothing.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("none", (await SearchAsync("0x" + new string('b', 64))).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_address_shows_live_balance_and_nonce_and_its_indexed_transactions()
    {
        var sender = fixture.Chain.Key.Address.ToLowerHex();

        var address = await fixture.Client.GetFromJsonAsync<JsonElement>($"{Api}/addresses/{sender.ToUpperInvariant().Replace("0X", "0x")}");

        Assert.Equal((await fixture.Chain.Rpc.GetBalanceAsync(sender)).ToString(), address.GetProperty("balance").GetString());
        Assert.Equal(2, address.GetProperty("nonce").GetInt64());
        Assert.False(address.GetProperty("isContract").GetBoolean());
        var hashes = address.GetProperty("transactions").EnumerateArray().Select(t => t.GetProperty("hash").GetString()).ToList();
        Assert.Equal([fixture.Failed.TransactionHash, fixture.Transfer.TransactionHash], hashes);
        var recipient = await fixture.Client.GetFromJsonAsync<JsonElement>($"{Api}/addresses/{fixture.Recipient}");
        Assert.Equal("1.5", recipient.GetProperty("balanceEth").GetString());
    }

    [Fact]
    public async Task A_failed_transaction_shows_its_revert_reason_and_fee()
    {
        var tx = await fixture.Client.GetFromJsonAsync<JsonElement>($"{Api}/transactions/{fixture.Failed.TransactionHash}");

        Assert.False(tx.GetProperty("succeeded").GetBoolean());
        Assert.Equal("nope", tx.GetProperty("revertReason").GetString());
        Assert.Equal(JsonValueKind.Null, tx.GetProperty("to").ValueKind);
        var fee = fixture.Failed.EffectiveGasPrice!.Value * fixture.Failed.GasUsed;
        Assert.Equal(fee.ToString(), tx.GetProperty("fee").GetString());
    }

    private async Task<JsonElement> SearchAsync(string q) =>
        await fixture.Client.GetFromJsonAsync<JsonElement>($"{Api}/search?q={Uri.EscapeDataString(q)}");
}
