using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using Microsoft.Extensions.DependencyInjection;

namespace NutPortal.Tests.Ethereum.JsonRpc;

/// <summary>Typed results for methods anvil does not serve (net_peerCount) and DI wiring.</summary>
public sealed class TypedResultTests
{
    [Fact]
    public async Task Peer_count_and_txpool_status_are_read_from_hex()
    {
        using var server = new FakeRpcServer(r => r.GetProperty("method").GetString() switch
        {
            "net_peerCount" => FakeRpcServer.Result(r, "\"0x19\""),
            _ => FakeRpcServer.Result(r, "{\"pending\":\"0x2\",\"queued\":\"0x0\"}"),
        });
        using var http = new HttpClient();
        var rpc = EthereumRpc.Client(http, server.Endpoint);

        Assert.Equal(25UL, await rpc.CallAsync<ulong>("net_peerCount"));
        Assert.Equal(new RpcTxPoolStatus { Pending = 2, Queued = 0 }, await rpc.CallAsync<RpcTxPoolStatus>("txpool_status"));
    }

    [Fact]
    public async Task Factory_from_di_creates_clients_that_reach_the_endpoint()
    {
        using var server = new FakeRpcServer(r => FakeRpcServer.Result(r, "\"0x7a69\""));
        var services = new ServiceCollection().AddJsonRpc(o => o.Timeout = TimeSpan.FromSeconds(5));
        await using var provider = services.BuildServiceProvider();

        var rpc = provider.GetRequiredService<IJsonRpcClientFactory>().CreateEthereum(server.Endpoint);
        Assert.Equal(server.Endpoint, rpc.Endpoint);
        Assert.Equal(31337UL, await rpc.GetChainIdAsync());
    }
}
