using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using NutPortal.Core.Oracle;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Oracle;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Networks;

/// <summary>The read API and an oracle network source on a real one-node Neo N3 network (neo-express).</summary>
public sealed class NeoChainReadTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_genesis_account_holds_all_the_NEO_and_test_invocations_answer_through_the_api_and_the_oracle()
    {
        using var client = portal.CreateAdminClient();
        var id = (await CreateAsync(client, new
        {
            name = "neo-reads", platform = "neo-express", nodeCount = 1, consensus = "dbft", blockIntervalSeconds = 1, chainId = 4242420, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(120), "Running");
        // The consensus (multi-signature) account the genesis block gives every NEO to, as neo-express wrote it.
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(portal.DataDirectory, "networks", id, "network.neo-express")))!;
        var addresses = file["consensus-nodes"]![0]!["wallet"]!["accounts"]!.AsArray().Select(a => a!["script-hash"]!.GetValue<string>()).ToList();

        var reads = new List<JsonElement>();
        foreach (var address in addresses)
        {
            reads.Add(await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/balances/{address}"));
        }
        var supply = await client.PostAsJsonAsync($"/api/v1/networks/{id}/chain/call", new { contract = "NEO", method = "totalSupply" });
        var fault = await client.PostAsJsonAsync($"/api/v1/networks/{id}/chain/call", new { contract = "GAS", method = "noSuchMethod" });
        var badAddress = await client.GetAsync($"/api/v1/networks/{id}/chain/balances/0x52908400098527886E0F7030069857D2E4169EE7");
        var decimals = await portal.SubmitAndWaitAsync(await portal.AdminCallerAsync(),
            new OracleSubmission(id, $"portal://{id}/call/GAS/decimals", ResultType: OracleResultType.Int256));

        var holder = Assert.Single(reads, r => r.GetProperty("balances")[0].GetProperty("amount").GetString() == "100000000");
        Assert.Equal(["NEO", "GAS"], holder.GetProperty("balances").EnumerateArray().Select(b => b.GetProperty("asset").GetString()).Take(2));
        Assert.Equal(8, holder.GetProperty("balances")[1].GetProperty("decimals").GetInt32());
        Assert.Equal(HttpStatusCode.OK, supply.StatusCode);
        Assert.Equal("100000000", (await supply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values")[0].GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fault.StatusCode);
        Assert.Contains("The invocation ended in FAULT", await fault.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Contains("is not a Neo N3 address", await badAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((OracleStatus.Succeeded, "8", "values[0]"), (decimals.Status, decimals.Value, decimals.Selector));
    }
}
