using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Tests.Infrastructure;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Contracts;

public sealed class DeployApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_erc20_template_deploys_to_anvil_and_its_functions_are_called_and_sent()
    {
        using var client = portal.CreateAdminClient();
        var network = await RunningNetworkAsync(client, "contracts-erc20");
        var accounts = await client.GetFromJsonAsync<string[]>($"/api/v1/networks/{network}/accounts");

        var response = await client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts", new
        {
            source = ContractTemplates.Find("erc20")!.Source,
            contractName = "Token",
            constructorArguments = new object[] { "Nut", "NUT", "1000" },
        });
        var deployed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, deployed.ToString());
        var address = deployed.GetProperty("address").GetString()!;
        Assert.Matches("^0x[0-9a-f]{64}$", deployed.GetProperty("transactionHash").GetString());

        var balance = await InvokeAsync(client, network, address, "balanceOf", accounts![0]);
        var transfer = await InvokeAsync(client, network, address, "transfer", accounts[1], "250");
        var after = await InvokeAsync(client, network, address, "balanceOf", accounts[1]);

        Assert.Equal("1000", balance.GetProperty("outputs").GetProperty("0").GetString());
        Assert.True(transfer.GetProperty("succeeded").GetBoolean());
        var ev = Assert.Single(transfer.GetProperty("events").EnumerateArray());
        Assert.Equal("Transfer", ev.GetProperty("name").GetString());
        Assert.Equal("250", ev.GetProperty("arguments").GetProperty("value").GetString());
        Assert.Equal("250", after.GetProperty("outputs").GetProperty("0").GetString());
        // The explorer decodes the call and its event with the ABI the deploy recorded.
        var hash = transfer.GetProperty("transactionHash").GetString();
        var indexed = await IndexedTransactionAsync(client, network, hash!);
        Assert.Equal("transfer(address,uint256)", indexed.GetProperty("decodedInput").GetProperty("signature").GetString());
        Assert.Equal("250", indexed.GetProperty("decodedInput").GetProperty("arguments").GetProperty("value").GetString());
        var log = Assert.Single(indexed.GetProperty("logs").EnumerateArray()).GetProperty("decoded");
        Assert.Equal("Transfer", log.GetProperty("name").GetString());
        Assert.Equal(accounts[1].ToLowerInvariant(), log.GetProperty("arguments").GetProperty("to").GetString()!.ToLowerInvariant());
        var abi = await portal.Services.GetRequiredService<DeployedContractAbis>().FindAsync(network, address.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), CancellationToken.None);
        Assert.Contains(abi!.Functions, f => f.Name == "transferFrom");
    }

    [Fact]
    public async Task A_saved_version_deploys_and_is_linked_to_its_address_and_bad_arguments_name_the_field()
    {
        using var client = portal.CreateAdminClient();
        var network = await RunningNetworkAsync(client, "contracts-version");
        var project = await (await client.PostAsJsonAsync("/api/v1/contracts", new { name = "Ballot", source = ContractTemplates.Find("voting")!.Source }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var projectId = project.GetProperty("id").GetString();

        var bad = await client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts", new { projectId, version = 1, contractName = "Ballot", constructorArguments = new[] { "not-an-array" } });
        var ok = await client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts", new { projectId, version = 1, contractName = "Ballot", constructorArguments = new[] { "[\"tea\",\"coffee\"]" } });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("constructorArguments", out _));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{network}/contracts");
        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal(projectId, entry.GetProperty("projectId").GetString());
        Assert.Equal(1, entry.GetProperty("versionNumber").GetInt32());
        var address = entry.GetProperty("address").GetString()!;
        Assert.Equal("2", (await InvokeAsync(client, network, address, "proposalCount")).GetProperty("outputs").GetProperty("0").GetString());
    }

    private static async Task<JsonElement> IndexedTransactionAsync(HttpClient client, string network, string hash)
    {
        for (var waited = 0; ; waited += 200)
        {
            var response = await client.GetAsync($"/api/v1/networks/{network}/transactions/{hash}");
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            Assert.True(waited < 30000, $"Transaction {hash} was not indexed within 30 s ({response.StatusCode}).");
            await Task.Delay(200);
        }
    }

    private static async Task<JsonElement> InvokeAsync(HttpClient client, string network, string address, string function, params string[] arguments)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/networks/{network}/contracts/{address}/invoke", new { function, arguments });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    private static async Task<string> RunningNetworkAsync(HttpClient client, string name)
    {
        var id = (await CreateAsync(client, Profile(name))).GetProperty("id").GetString()!;
        await WaitForAsync(client, id, n => Status(n) == "Running", TimeSpan.FromSeconds(60), "Running");
        return id;
    }
}
