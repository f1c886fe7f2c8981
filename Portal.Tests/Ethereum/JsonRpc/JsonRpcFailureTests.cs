using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NutPortal.Core.Ethereum.JsonRpc;
using NutPortal.Core.JsonRpc;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Ethereum.JsonRpc;

/// <summary>Node misbehaviour anvil will not produce: each case must give the library's own exception, naming the method.</summary>
public sealed class JsonRpcFailureTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private IJsonRpcClient Client(FakeRpcServer server) => EthereumRpc.Client(_http, server.Endpoint);

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>", "is not JSON")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":\"0x1\"}", "does not match request id")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":ID}", "neither result nor error")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":ID,\"result\":\"0xzz\"}", "hex quantity")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":ID,\"result\":\"12\"}", "hex quantity")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":ID,\"result\":\"0x1ffffffffffffffff\"}", "64-bit hex quantity")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":ID,\"result\":null}", "cannot be read as UInt64")]
    [InlineData("[1,2,3]", "expected a JSON-RPC response object")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":ID,\"error\":\"boom\"}", "malformed error object")]
    public async Task Garbage_answers_give_a_protocol_exception_naming_the_method(string body, string expected)
    {
        using var server = new FakeRpcServer(request => (200, body.Replace("ID", request.GetProperty("id").GetRawText())));

        var e = await Assert.ThrowsAsync<JsonRpcProtocolException>(() => Client(server).GetBlockNumberAsync());
        Assert.Equal("eth_blockNumber", e.Method);
        Assert.StartsWith("eth_blockNumber: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task Block_missing_a_required_field_is_a_protocol_error_not_a_null()
    {
        using var server = new FakeRpcServer(r => FakeRpcServer.Result(r, "{\"number\":\"0x1\",\"hash\":\"0xab\"}"));
        var e = await Assert.ThrowsAsync<JsonRpcProtocolException>(() => Client(server).GetBlockByNumberAsync(1));
        Assert.Equal("eth_getBlockByNumber", e.Method);
        Assert.Contains("RpcBlock", e.Message);
    }

    [Fact]
    public async Task Http_error_without_json_is_a_transport_exception()
    {
        using var server = new FakeRpcServer(_ => (503, "upstream down"));
        var e = await Assert.ThrowsAsync<JsonRpcTransportException>(() => Client(server).GetChainIdAsync());
        Assert.Contains("HTTP 503", e.Message);
        Assert.Contains("upstream down", e.Message);
    }

    [Fact]
    public async Task Json_rpc_error_in_an_http_error_body_is_still_the_node_error()
    {
        using var server = new FakeRpcServer(r =>
            (429, $"{{\"jsonrpc\":\"2.0\",\"id\":{r.GetProperty("id").GetRawText()},\"error\":{{\"code\":-32005,\"message\":\"rate limited\",\"data\":{{\"retryAfter\":3}}}}}}"));
        var e = await Assert.ThrowsAsync<JsonRpcException>(() => Client(server).GetChainIdAsync());
        Assert.Equal(-32005, e.Code);
        Assert.Equal("rate limited", e.RpcMessage);
        Assert.Equal(3, e.ErrorData!.Value.GetProperty("retryAfter").GetInt32());
        Assert.Null(e.DataHex);
    }

    [Fact]
    public async Task Server_that_accepts_and_never_answers_times_out()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptTcpClientAsync();
        var client = EthereumRpc.Client(_http, new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"));

        var sw = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<JsonRpcTimeoutException>(
            () => client.CallAsync<ulong>("eth_chainId", null, TimeSpan.FromMilliseconds(500)));
        Assert.InRange(sw.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(10));
        Assert.Equal("eth_chainId", e.Method);
        Assert.Equal(TimeSpan.FromMilliseconds(500), e.Timeout);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = EthereumRpc.Client(_http, new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetChainIdAsync(cts.Token));
    }

    [Fact]
    public async Task Refused_connection_is_a_transport_exception()
    {
        var client = EthereumRpc.Client(_http, new Uri($"http://127.0.0.1:{FreePorts.Next()}/"));
        var e = await Assert.ThrowsAsync<JsonRpcTransportException>(() => client.GetChainIdAsync());
        Assert.Equal("eth_chainId", e.Method);
    }

    [Fact]
    public async Task Oversized_response_is_refused()
    {
        using var server = new FakeRpcServer(r => FakeRpcServer.Result(r, $"\"0x{new string('1', 4096)}\""));
        var client = EthereumRpc.Client(_http, server.Endpoint, new JsonRpcClientOptions { MaxResponseBytes = 1024 });
        var e = await Assert.ThrowsAsync<JsonRpcProtocolException>(() => client.GetBalanceAsync(AnvilAddress));
        Assert.Contains("exceeds the limit of 1024", e.Message);
    }

    [Fact]
    public async Task Batch_item_without_an_answer_fails_alone()
    {
        using var server = new FakeRpcServer(r =>
        {
            var first = r[0].GetProperty("id").GetRawText();
            return (200, $"[{{\"jsonrpc\":\"2.0\",\"id\":{first},\"result\":\"0x7a69\"}}]");
        });
        var batch = new JsonRpcBatch();
        var chainId = batch.Add<ulong>("eth_chainId");
        var block = batch.Add<ulong>("eth_blockNumber");
        await Client(server).SendBatchAsync(batch);

        Assert.Equal(31337UL, chainId.Result);
        var e = Assert.Throws<JsonRpcProtocolException>(() => block.Result);
        Assert.Contains("no answer for id", e.Message);
    }

    private const string AnvilAddress = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    public void Dispose() => _http.Dispose();
}
