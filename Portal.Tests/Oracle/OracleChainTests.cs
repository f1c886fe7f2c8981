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
using NutPortal.Core.Oracle;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;

namespace NutPortal.Tests.Oracle;

/// <summary>The on-chain path on a real anvil network: a consumer asks, the portal follows the event, fetches and fulfils.</summary>
public sealed class OracleChainTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new PortalFactory().WithOracleSettings().WithSetting("Portal:Oracle:FollowIntervalMilliseconds", "200");
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task A_consumer_contract_reads_a_value_from_a_loopback_server_on_chain_and_a_refused_url_comes_back_as_error_code_2()
    {
        using var api = _portal.CreateAdminClient();
        var networkId = (await NetworkApi.CreateAsync(api, NetworkApi.Profile("oracle-chain"))).GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(api, networkId, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");
        var deployed = await api.PostAsync($"/api/v1/networks/{networkId}/oracle", null);
        var oracle = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(deployed.StatusCode == HttpStatusCode.Created, oracle.ToString());
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/networks/{networkId}/oracle", null)).StatusCode);
        var consumer = await DeployConsumerAsync(networkId, oracle.GetProperty("contractAddress").GetString()!);

        await RequestValueAsync(networkId, consumer, _server.Localhost("/price"), "$.data.price", 2);
        var answered = await FulfilledAsync(networkId, "1");
        await RequestValueAsync(networkId, consumer, _server.Loopback("/price"), "$.data.price", 2);
        var refused = await FulfilledAsync(networkId, "2");

        Assert.Equal(OracleFulfilment.Fulfilled, answered.Fulfilment);
        Assert.Null(answered.FulfilmentError);
        Assert.Equal("12345", answered.Value);
        Assert.Equal(consumer.Address, answered.Contract);
        Assert.Equal(OracleFulfilment.Fulfilled, refused.Fulfilment);
        Assert.StartsWith("Refused by the outbound guard", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, _server.Hits("/price")); // the refused request never reached the server
        Assert.Equal(new BigInteger(12345), await ReadAsync(networkId, consumer, "value"));
        Assert.Equal(new BigInteger(2), await ReadAsync(networkId, consumer, "lastErrorCode"));
        Assert.Equal(new BigInteger(2), await ReadAsync(networkId, consumer, "answeredRequestId"));
    }

    [Fact]
    public async Task A_callback_that_reverts_leaves_the_request_fulfilled_once_with_the_reason_in_the_log()
    {
        using var api = _portal.CreateAdminClient();
        var (networkId, oracle) = await NetworkWithOracleAsync(api, "oracle-revert");
        // A policy that admits no user to the oracle contract: its fulfilments are the portal's own sends (the oracle's key), exempt from access rules.
        var closed = new { accessRules = new[] { new { name = "oracle-closed", contract = oracle.GetProperty("contractAddress").GetString()!, roles = new[] { "Owner" } } } };
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/networks/{networkId}/policy", closed)).StatusCode);
        // Asks with a callback selector it has no function for (and no fallback): delivering the answer reverts.
        var compiled = await _portal.Services.GetRequiredService<ContractCompiler>().CompileAsync("""
            // SPDX-License-Identifier: MIT
            pragma solidity ^0.8.20;
            interface INutOracle { function request(string calldata, string calldata, uint8, uint8, bytes4) external returns (uint256); }
            contract Asker {
                function ask(address oracle, string calldata url) external { INutOracle(oracle).request(url, "data.symbol", 0, 0, bytes4(0xdeadbeef)); }
            }
            """, null);
        var asker = await _portal.Services.GetRequiredService<ContractDeployer>().DeployAsync(
            new DeployRequest(networkId, compiled.Contracts.Single(c => c.Name == "Asker"), compiled.CompilerVersion, null, null, null, "test"));

        var ask = ContractAbi.Parse(asker.AbiJson).GetFunction("ask").EncodeCall(oracle.GetProperty("contractAddress").GetString()!, _server.Localhost("/price"));
        Assert.True((await _portal.Services.GetRequiredService<NetworkSigner>().SendAsync(networkId, asker.Address, ask, 0, CancellationToken.None)).Succeeded);
        var request = await FulfilledAsync(networkId, "1");

        Assert.Equal((OracleStatus.Succeeded, "NUT"), (request.Status, request.Value));
        Assert.Equal(OracleFulfilment.Fulfilled, request.Fulfilment);
        Assert.Equal("Fulfilled on chain, but the consumer's callback reverted or ran out of gas.", request.FulfilmentError);
        Assert.NotNull(request.FulfilmentTx);
    }

    [Fact]
    public async Task A_fulfilment_whose_run_died_is_finished_once_whether_or_not_its_transaction_got_through()
    {
        // The portal also runs this job every five minutes; this test runs it by hand and reads its report, so the schedule is
        // taken off first: a scheduled run landing between the simulated crash and the manual one would take the report's work.
        _portal.Services.GetRequiredService<Hangfire.IRecurringJobManager>().RemoveIfExists(NutPortal.Workers.Oracle.OracleFulfilmentRecoveryJob.Id);
        using var api = _portal.CreateAdminClient();
        var (networkId, oracle) = await NetworkWithOracleAsync(api, "oracle-crash");
        var consumer = await DeployConsumerAsync(networkId, oracle.GetProperty("contractAddress").GetString()!);
        var oracleAccount = oracle.GetProperty("oracleAddress").GetString()!;
        var rpc = await _portal.Services.GetRequiredService<NetworkSigner>().RpcAsync(networkId, CancellationToken.None);

        // Killed after its transaction was mined, before it saved: request 1 as such a run leaves it.
        await RequestValueAsync(networkId, consumer, _server.Localhost("/price"), "$.data.price", 2);
        var sent = await FulfilledAsync(networkId, "1");
        await ClaimedByADeadRunAsync(networkId, "1");
        // Killed after claiming, before sending: request 2's claim is taken while the slow server holds its fetch.
        await RequestValueAsync(networkId, consumer, _server.Localhost("/slow"), "", 0);
        await ClaimedByADeadRunAsync(networkId, "2");
        await Eventually.HoldsAsync(async () => (await RowAsync(networkId, "2"))?.IsFinished == true, "request 2's fetch to end", TimeSpan.FromSeconds(90));
        var nonceBefore = await rpc.GetTransactionCountAsync(oracleAccount);

        var recovery = _portal.Services.GetRequiredService<NutPortal.Workers.Oracle.OracleFulfilmentRecoveryJob>();
        var report = await recovery.RunAsync(CancellationToken.None);
        var first = await FulfilledAsync(networkId, "1");
        var second = await FulfilledAsync(networkId, "2");

        Assert.Contains("request(s) ", report, StringComparison.Ordinal);
        Assert.Equal((OracleFulfilment.Fulfilled, sent.FulfilmentTx), (first.Fulfilment, first.FulfilmentTx)); // recorded from the chain, not sent again
        Assert.Equal(OracleFulfilment.Fulfilled, second.Fulfilment);
        Assert.NotNull(second.FulfilmentTx);
        Assert.Equal(nonceBefore + 1, await rpc.GetTransactionCountAsync(oracleAccount)); // one transaction: request 2's
        Assert.Equal(new BigInteger(2), await ReadAsync(networkId, consumer, "answeredRequestId"));
        Assert.Equal(new BigInteger(1), await ReadAsync(networkId, consumer, "lastErrorCode")); // the slow server timed out
        Assert.Equal(new BigInteger(12345), await ReadAsync(networkId, consumer, "value"));
        Assert.Equal("No fulfilment was left half-done.", await recovery.RunAsync(CancellationToken.None));
    }

    /// <summary>A running anvil network with the portal's NutOracle deployed on it.</summary>
    private static async Task<(string NetworkId, JsonElement Oracle)> NetworkWithOracleAsync(HttpClient api, string name)
    {
        var networkId = (await NetworkApi.CreateAsync(api, NetworkApi.Profile(name))).GetProperty("id").GetString()!;
        await NetworkApi.WaitForAsync(api, networkId, n => NetworkApi.Status(n) == "Running", TimeSpan.FromSeconds(90), "the network to run");
        var deployed = await api.PostAsync($"/api/v1/networks/{networkId}/oracle", null);
        var oracle = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(deployed.IsSuccessStatusCode, oracle.ToString());
        return (networkId, oracle);
    }

    /// <summary>Waits for the on-chain request's row, then leaves it claimed an hour ago with no outcome, as a killed run would.</summary>
    private async Task ClaimedByADeadRunAsync(string networkId, string requestId)
    {
        await Eventually.HoldsAsync(async () => await RowAsync(networkId, requestId) is not null, $"request {requestId} to be read from the chain", TimeSpan.FromSeconds(60));
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var hourAgo = DateTime.UtcNow.AddHours(-1);
        await db.OracleRequests.Where(r => r.NetworkId == networkId && r.CallerRequestId == requestId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Fulfilment, OracleFulfilment.Sending).SetProperty(r => r.FulfilmentClaimedAt, hourAgo)
            .SetProperty(r => r.FulfilmentTx, (string?)null).SetProperty(r => r.FulfilledAt, (DateTime?)null));
    }

    private async Task<OracleRequest?> RowAsync(string networkId, string requestId)
    {
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.OracleRequests.AsNoTracking().SingleOrDefaultAsync(r => r.NetworkId == networkId && r.CallerRequestId == requestId);
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
        var receipt = await _portal.Services.GetRequiredService<NetworkSigner>().SendAsync(networkId, consumer.Address, data, 0, CancellationToken.None);
        Assert.True(receipt.Succeeded);
    }

    private async Task<BigInteger> ReadAsync(string networkId, DeployedContract consumer, string function)
    {
        var signer = _portal.Services.GetRequiredService<NetworkSigner>();
        var abi = ContractAbi.Parse(consumer.AbiJson).GetFunction(function);
        var output = await (await signer.RpcAsync(networkId, CancellationToken.None)).CallAsync(new RpcTransactionRequest { To = consumer.Address, Input = Hex.Encode(abi.EncodeCall()) });
        return (BigInteger)abi.DecodeOutput(Hex.Decode(output))[0]!;
    }

    /// <summary>Waits until the portal has read request <paramref name="requestId"/> from the chain and sent its answer back.</summary>
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
