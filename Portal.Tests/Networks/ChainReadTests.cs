using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Oracle;
using NutPortal.Core.Persistence;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Oracle;

namespace NutPortal.Tests.Networks;

/// <summary>
/// The read API and the oracle's network sources when a node answers garbage (a fake: a real node cannot be made to)
/// or no node is up: a clear error naming the node and what was wrong, never a crash or a made-up value.
/// </summary>
public sealed class ChainReadTests : IAsyncLifetime
{
    private const string Address = "0x52908400098527886E0F7030069857D2E4169EE7";
    private readonly PortalFactory _portal = new PortalFactory().WithOracleSettings();
    private LoopbackHttpServer _server = null!;
    private System.Diagnostics.Process? _standIn;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        _standIn?.Kill();
        _standIn?.Dispose();
        await _server.DisposeAsync();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task A_node_answering_garbage_gives_a_502_naming_the_answer_and_fails_the_oracle_request_with_that_reason()
    {
        var id = await AddNetworkAsync(NodeStatus.Up, _server.Loopback("/garbage-rpc"));
        using var api = _portal.CreateAdminClient();

        var response = await api.GetAsync($"/api/v1/networks/{id}/chain/balances/{Address}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var request = await _portal.SubmitAndWaitAsync(await _portal.AdminCallerAsync(),
            new OracleSubmission(id, "", ResultType: OracleResultType.Int256, Retries: 1, Source: new OracleNetworkSource(id, Address)));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("The node gave no usable answer", problem.GetProperty("title").GetString());
        Assert.Contains("node-1 of 'garbage' gave no usable answer: Unexpected eth_getBalance answer: {\"balance\":\"lots\"}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((OracleStatus.Failed, 2), (request.Status, request.Attempts)); // a garbled node may recover: retried once
        Assert.StartsWith($"Reading network '{id}' failed: node-1 of 'garbage' gave no usable answer: Unexpected eth_getBalance answer", request.Error, StringComparison.Ordinal);
        Assert.Null(request.Value);
        Assert.Equal($"portal://{id}/balances/{Address}", request.Url);
    }

    [Fact]
    public async Task A_network_with_no_node_up_gives_a_503_naming_it()
    {
        var id = await AddNetworkAsync(NodeStatus.Stopped, _server.Loopback("/garbage-rpc"));
        using var api = _portal.CreateAdminClient();

        var down = await api.GetAsync($"/api/v1/networks/{id}/chain/balances/{Address}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("No node of network 'garbage' is up", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_the_chain_does_not_take_gives_a_400_naming_the_field()
    {
        var id = await AddNetworkAsync(NodeStatus.Up, _server.Loopback("/garbage-rpc"));
        using var api = _portal.CreateAdminClient();

        var badAddress = await api.GetAsync($"/api/v1/networks/{id}/chain/balances/not-an-address");
        var badSignature = await api.PostAsJsonAsync($"/api/v1/networks/{id}/chain/call", new { contract = Address, method = "balanceOf(address" });
        var wrongArgs = await api.PostAsJsonAsync($"/api/v1/networks/{id}/chain/call", new { contract = Address, method = "balanceOf(address) returns (uint256)", args = new[] { 1, 2 } });

        var wrongType = await api.PostAsJsonAsync($"/api/v1/networks/{id}/chain/call", new { contract = Address, method = "balanceOf(address) returns (uint256)", args = new[] { "bob" } });
        var badCalldata = await api.PostAsJsonAsync($"/api/v1/networks/{id}/chain/call", new { contract = Address, method = "0x70a0823" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("\"args\"", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCalldata.StatusCode);
        Assert.Contains("odd number of digits", await badCalldata.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Contains("'not-an-address' is not an Ethereum address", await badAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badSignature.StatusCode);
        Assert.Contains("is not a function signature", await badSignature.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongArgs.StatusCode);
        Assert.Contains("balanceOf(address) takes 1 argument(s); got 2.", await wrongArgs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A network row whose one node "runs" at the given RPC address.</summary>
    private async Task<string> AddNetworkAsync(NodeStatus status, string rpcUrl)
    {
        var id = $"g{Guid.NewGuid():N}"[..12];
        var dataDirectory = Path.Combine(_portal.DataDirectory, id);
        if (status == NodeStatus.Up)
        {
            // The supervisor marks an Up node whose process is gone Down: a live process naming the node's folder stands in for it.
            _standIn = System.Diagnostics.Process.Start("sh", ["-c", "sleep 600", dataDirectory]);
        }
        await using var db = await _portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Networks.Add(new Network
        {
            Id = id, Name = "garbage", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", CreatedBy = "test", Status = NetworkStatus.Running,
            Nodes = [new NetworkNode { Id = id + "-1", NetworkId = id, Name = "node-1", Status = status, RpcUrl = rpcUrl, DataDirectory = dataDirectory, ProcessId = _standIn?.Id }],
        });
        await db.SaveChangesAsync();
        return id;
    }
}
