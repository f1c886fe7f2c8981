using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Core.Ethereum;
using NutPortal.Core.Ethereum.Abi;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Core.Networks;
using NutPortal.Core.Oracle;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Organizations;

namespace NutPortal.Tests.Oracle;

/// <summary>
/// Cross-chain through the oracle, on real nodes: a consumer contract on an anvil network reads an address's balance
/// on a Litecoin regtest network (a portal:// source), and a network of another organization is refused.
/// </summary>
public sealed class OracleCrossChainTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deploy = TimeSpan.FromSeconds(90);
    private readonly PortalFactory _portal = new PortalFactory().WithOracleSettings().WithSetting("Portal:Oracle:FollowIntervalMilliseconds", "200");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task A_consumer_on_anvil_reads_a_litecoin_balance_on_chain_and_a_network_of_another_organization_is_refused_with_error_code_2()
    {
        using var api = _portal.CreateAdminClient();
        var ethId = (await NetworkApi.CreateAsync(api, NetworkApi.Profile("cross-eth"))).GetProperty("id").GetString()!;
        var ltcId = (await NetworkApi.CreateAsync(api, new
        {
            name = "cross-ltc", platform = "litecoin", nodeCount = 1, consensus = "pow", blockIntervalSeconds = 5, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        await Task.WhenAll(
            NetworkApi.WaitForAsync(api, ethId, n => NetworkApi.Status(n) == "Running", Deploy, "the anvil network to run"),
            NetworkApi.WaitForAsync(api, ltcId, n => NetworkApi.Status(n) == "Running", Deploy, "the litecoin network to run"));
        var holder = await FundLitecoinAddressAsync(api, ltcId, 12.345m);
        var other = await Tenants.CreateOrganizationAsync(_portal, $"Elsewhere {Guid.NewGuid():N}");
        var otherNetwork = await AddNetworkOfAsync(other);
        var oracle = await (await api.PostAsync($"/api/v1/networks/{ethId}/oracle", null)).Content.ReadFromJsonAsync<JsonElement>();
        var consumer = await DeployConsumerAsync(ethId, oracle.GetProperty("contractAddress").GetString()!);

        await RequestValueAsync(ethId, consumer, $"portal://{ltcId}/balances/{holder}?asset=LTC", "", 0);
        var answered = await FulfilledAsync(ethId, "1");
        var onChain = await ReadAsync(ethId, consumer, "value");
        await RequestValueAsync(ethId, consumer, $"portal://{otherNetwork}/balances/{holder}", "", 0);
        var refused = await FulfilledAsync(ethId, "2");
        var readValue = await api.PostAsJsonAsync($"/api/v1/networks/{ethId}/chain/call", new { contract = consumer.Address, method = "value() returns (int256)" });
        var reverted = await api.PostAsJsonAsync($"/api/v1/networks/{ethId}/chain/call",
            new { contract = consumer.Address, method = "receiveValue(uint256, uint16, bytes)", args = new object[] { 1, 0, "0x" } });
        var ether = await api.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{ethId}/chain/balances/{consumer.Address}");

        output.WriteLine($"Litecoin balance read {answered.DurationMs} ms; stored to answered {(answered.FinishedAt - answered.CreatedAt)?.TotalMilliseconds:0} ms; stored to fulfilment mined {(answered.FulfilledAt - answered.CreatedAt)?.TotalMilliseconds:0} ms");
        Assert.Equal((OracleStatus.Succeeded, "1234500000", OracleFulfilment.Fulfilled), (answered.Status, answered.Value, answered.Fulfilment));
        Assert.Equal("units", answered.Selector);
        Assert.Equal(ltcId, answered.Host);
        Assert.Null(answered.HttpStatus);
        Assert.Equal(new BigInteger(1_234_500_000), onChain);
        Assert.Equal((OracleStatus.Failed, OracleFulfilment.Fulfilled), (refused.Status, refused.Fulfilment));
        Assert.Contains($"No network '{otherNetwork}' visible to the requester's organization", refused.Error, StringComparison.Ordinal);
        Assert.Equal(new BigInteger(2), await ReadAsync(ethId, consumer, "lastErrorCode"));
        Assert.Equal(new BigInteger(1_234_500_000), await ReadAsync(ethId, consumer, "value")); // the refused answer changed nothing
        // The same read API on the Ethereum side: a view call decoded by its signature, a call that reverts, a balance.
        Assert.Equal("1234500000", (await readValue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values")[0].GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reverted.StatusCode);
        Assert.Contains("only the oracle contract", await reverted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("ETH", "0.000000000000000000"), (ether.GetProperty("balances")[0].GetProperty("asset").GetString(), ether.GetProperty("balances")[0].GetProperty("amount").GetString()));
    }

    [Fact]
    public async Task The_read_API_and_a_REST_oracle_request_read_a_litecoin_balance_for_those_who_see_the_network_and_not_for_others()
    {
        // The network lives in an organization of its own: users the admin creates also join the Default organization.
        var owner = await Tenants.CreateOrganizationAsync(_portal, $"Owners {Guid.NewGuid():N}");
        var other = await Tenants.CreateOrganizationAsync(_portal, $"Outsiders {Guid.NewGuid():N}");
        using var outsider = await Tenants.UserAsync(_portal, other, "Owner");
        using var api = _portal.CreateAdminClient();
        api.DefaultRequestHeaders.Add("X-Organization", owner);
        var ltcId = (await NetworkApi.CreateAsync(api, new
        {
            name = "read-ltc", platform = "litecoin", nodeCount = 1, consensus = "pow", blockIntervalSeconds = 5, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(api, ltcId, n => NetworkApi.Status(n) == "Running", Deploy, "the litecoin network to run");
        var holder = await FundLitecoinAddressAsync(api, ltcId, 0.5m);

        var read = await api.GetFromJsonAsync<JsonElement>($"/api/v1/networks/{ltcId}/chain/balances/{holder}");
        var hidden = await outsider.Client.GetAsync($"/api/v1/networks/{ltcId}/chain/balances/{holder}");
        var badAddress = await api.GetAsync($"/api/v1/networks/{ltcId}/chain/balances/0x52908400098527886E0F7030069857D2E4169EE7");
        var call = await api.PostAsJsonAsync($"/api/v1/networks/{ltcId}/chain/call", new { contract = holder, method = "balanceOf" });
        var ownNetwork = await AddNetworkOfAsync(other);
        var submitted = await api.PostAsJsonAsync("/api/v1/oracle/requests", new
        {
            networkId = ltcId, networkSource = new { networkId = ltcId, address = holder }, resultType = "int256", selector = "amount", decimals = 8,
        });
        var stored = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var mapped = await (await api.PostAsJsonAsync("/api/v1/oracle/requests", new
        {
            networkId = ltcId, url = $"portal://{ltcId}/balances/{holder}", resultType = "tuple", selector = "int256 units; string asset; int256 height",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var outsiderSubmits = await outsider.Client.PostAsJsonAsync("/api/v1/oracle/requests", new { networkId = ownNetwork, networkSource = new { networkId = ltcId, address = holder } });
        var answered = await FinishedAsync(api, stored.GetProperty("id").GetInt64());
        var tuple = await FinishedAsync(api, mapped.GetProperty("id").GetInt64());

        var balance = Assert.Single(read.GetProperty("balances").EnumerateArray());
        Assert.Equal(("LTC", "0.50000000", "50000000", 8),
            (balance.GetProperty("asset").GetString(), balance.GetProperty("amount").GetString(), balance.GetProperty("units").GetString(), balance.GetProperty("decimals").GetInt32()));
        Assert.True(read.GetProperty("height").GetInt64() >= 102);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Contains("is not a Litecoin address of this network", await badAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, call.StatusCode);
        Assert.Contains("Litecoin has no smart contracts", await call.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Equal(("Succeeded", "50000000"), (answered.GetProperty("status").GetString(), answered.GetProperty("value").GetString()));
        Assert.Equal(ltcId, answered.GetProperty("networkSource").GetProperty("networkId").GetString());
        var fields = JsonSerializer.Deserialize<string[]>(tuple.GetProperty("value").GetString()!)!;
        Assert.Equal(("50000000", "LTC"), (fields[0], fields[1]));
        Assert.True(long.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture) >= 102);
        Assert.Equal(HttpStatusCode.BadRequest, outsiderSubmits.StatusCode);
        Assert.Contains($"No network '{ltcId}' visible to the requester's organization.", await outsiderSubmits.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> FinishedAsync(HttpClient api, long id)
    {
        JsonElement request = default;
        await Eventually.HoldsAsync(async () =>
        {
            request = await api.GetFromJsonAsync<JsonElement>($"/api/v1/oracle/requests/{id}");
            return request.GetProperty("status").GetString() is "Succeeded" or "Failed";
        }, $"oracle request {id} to finish", TimeSpan.FromSeconds(30));
        return request;
    }

    /// <summary>Sends coins from the node's wallet to a new address and mines them into a block: the address holds exactly <paramref name="amount"/>.</summary>
    private async Task<string> FundLitecoinAddressAsync(HttpClient api, string networkId, decimal amount)
    {
        var node = NetworkApi.Node(await NetworkApi.GetAsync(api, networkId));
        Task<JsonElement> Rpc(string method, params object[] parameters) => LitecoinRpc.CallAsync(_portal.DataDirectory, networkId, node, method, parameters, "wallet/portal");
        var miner = (await Rpc("getnewaddress")).GetString()!;
        await Rpc("generatetoaddress", 101, miner);
        var holder = (await Rpc("getnewaddress")).GetString()!;
        await Rpc("sendtoaddress", holder, amount);
        await Rpc("generatetoaddress", 1, miner);
        return holder;
    }

    private async Task<string> AddNetworkOfAsync(string organizationId)
    {
        var id = $"x{Guid.NewGuid():N}"[..12];
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Networks.Add(new Network { Id = id, Name = id, Platform = "litecoin", Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Stopped, OrganizationId = organizationId });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<DeployedContract> DeployConsumerAsync(string networkId, string oracleAddress)
    {
        var compiled = await _portal.Services.GetRequiredService<ContractCompiler>().CompileAsync(ContractTemplates.Find("http-consumer")!.Source, null);
        var artifact = compiled.Contracts.Single(c => c.Name == "HttpConsumer");
        return await _portal.Services.GetRequiredService<ContractDeployer>().DeployAsync(
            new DeployRequest(networkId, artifact, compiled.CompilerVersion, JsonSerializer.SerializeToElement(new[] { oracleAddress }), null, null, "test"));
    }

    private async Task RequestValueAsync(string networkId, DeployedContract consumer, string url, string selector, int decimals)
    {
        var data = ContractAbi.Parse(consumer.AbiJson).GetFunction("requestValue").EncodeCall(url, selector, decimals);
        Assert.True((await _portal.Services.GetRequiredService<NetworkSigner>().SendAsync(networkId, consumer.Address, data, 0, CancellationToken.None)).Succeeded);
    }

    private async Task<BigInteger> ReadAsync(string networkId, DeployedContract consumer, string function)
    {
        var abi = ContractAbi.Parse(consumer.AbiJson).GetFunction(function);
        var rpc = await _portal.Services.GetRequiredService<NetworkSigner>().RpcAsync(networkId, CancellationToken.None);
        return (BigInteger)abi.DecodeOutput(Hex.Decode(await rpc.CallAsync(new RpcTransactionRequest { To = consumer.Address, Input = Hex.Encode(abi.EncodeCall()) })))[0]!;
    }

    private async Task<OracleRequest> FulfilledAsync(string networkId, string requestId)
    {
        var dbFactory = _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        OracleRequest? request = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            request = await db.OracleRequests.AsNoTracking().SingleOrDefaultAsync(r => r.NetworkId == networkId && r.CallerRequestId == requestId);
            return request?.Fulfilment is OracleFulfilment.Fulfilled or OracleFulfilment.Failed;
        }, $"on-chain request {requestId} to be fulfilled", TimeSpan.FromSeconds(60));
        return request!;
    }
}
