using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NutPortal.Core.Networks.Platforms.Neo;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Organizations;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.ChainBrowser;

/// <summary>The chain browser's API on a real one-node Neo N3 network (neo-express): a GAS transfer read as the account chain has it.</summary>
public sealed partial class NeoChainBrowserTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Gas = "0xd2a4cff31913016155e38e474a2c06d08be276cf";

    [Fact]
    public async Task A_GAS_transfer_shows_its_sender_fees_and_decoded_NEP17_transfer_and_the_addresses_list_it()
    {
        var owner = await Tenants.CreateOrganizationAsync(portal, $"Neo browse {Guid.NewGuid():N}");
        using var operatorUser = await Tenants.UserAsync(portal, owner, "Operator");
        var client = operatorUser.Client;
        var id = (await CreateAsync(client, new
        {
            name = "neo-browse", platform = "neo-express", nodeCount = 1, consensus = "dbft", blockIntervalSeconds = 1, chainId = 4242421, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(120), "Running");
        // node1's own account and the consensus (multi-signature) account the genesis block funds, as neo-express wrote them.
        var home = Path.Combine(portal.DataDirectory, "networks", id, "node-1");
        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(portal.DataDirectory, "networks", id, "network.neo-express")))!;
        var accounts = file["consensus-nodes"]![0]!["wallet"]!["accounts"]!.AsArray().Select(a => a!["script-hash"]!.GetValue<string>()).ToList();
        var (node1, genesis) = (accounts[0], accounts[1]);

        var output = await NeoExpress.Restored.RunAsync(home, ["transfer", "100", "GAS", "genesis", "node1", "-i", NeoExpressFile.PathFor(home)], CancellationToken.None);
        var txid = TransactionId().Match(output).Value;
        Assert.False(string.IsNullOrEmpty(txid), output);
        var tx = await WaitForBlockAsync(client, $"/api/v1/networks/{id}/chain/transactions/{txid}");
        var block = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/blocks/{tx.GetProperty("blockHeight").GetInt64()}");
        var receiver = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/addresses/{node1}");
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{id}/chain/search?q={node1}");

        var account = tx.GetProperty("account");
        Assert.Equal(genesis, account.GetProperty("sender").GetString());
        Assert.Equal("HALT", account.GetProperty("vmState").GetString());
        Assert.StartsWith(genesis, account.GetProperty("signers")[0].GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]+$", account.GetProperty("script").GetString());
        Assert.True(decimal.Parse(account.GetProperty("systemFee").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        var transfer = Assert.Single(account.GetProperty("transfers").EnumerateArray());
        Assert.Equal((Gas, "GAS", genesis, node1, "100.00000000"), (transfer.GetProperty("contract").GetString(), transfer.GetProperty("symbol").GetString(),
            transfer.GetProperty("from").GetString(), transfer.GetProperty("to").GetString(), transfer.GetProperty("amount").GetString()));
        var line = Assert.Single(block.GetProperty("transactions").EnumerateArray(), t => t.GetProperty("id").GetString() == txid);
        Assert.Equal("100.00000000 GAS", line.GetProperty("value").GetString());
        // node1 also earns GAS each block as a committee member (minted outside any transaction): at least the 100 it was sent.
        Assert.True(decimal.Parse(receiver.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("asset").GetString() == "GAS").GetProperty("amount").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture) >= 100m, receiver.ToString());
        var received = Assert.Single(receiver.GetProperty("transfers").EnumerateArray(), t => t.GetProperty("transaction").GetString() == txid);
        Assert.Equal((genesis, node1), (received.GetProperty("from").GetString(), received.GetProperty("to").GetString()));
        Assert.Equal(("address", node1), (search.GetProperty("kind").GetString(), search.GetProperty("key").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/networks/{id}/chain/transactions/0x12")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/networks/{id}/chain/addresses/NotAnAddress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{id}/chain/transactions/0x{new string('0', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/networks/{id}/chain/blocks/99999999")).StatusCode);
        var elsewhere = await Tenants.CreateOrganizationAsync(portal, $"Elsewhere {Guid.NewGuid():N}");
        using var outsider = await Tenants.UserAsync(portal, elsewhere, "Owner");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/v1/networks/{id}/chain/transactions/{txid}")).StatusCode);
    }

    /// <summary>The transaction once a block holds it (blocks every second).</summary>
    internal static async Task<JsonElement> WaitForBlockAsync(HttpClient client, string url)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadFromJsonAsync<JsonElement>()) is { } tx && tx.GetProperty("blockHeight").ValueKind == JsonValueKind.Number)
            {
                return tx;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{url} is not in a block after 30 s: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(250);
        }
    }

    [GeneratedRegex("0x[0-9a-f]{64}")]
    private static partial Regex TransactionId();
}
