using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using NutPortal.Tests.Oracle;

namespace NutPortal.Tests.ChainBrowser;

/// <summary>
/// The chain browser when a Neo node answers garbage (a fake: a real node cannot be made to) or the network is not
/// browsable: a clear error naming the answer, never a crash or a made-up block.
/// </summary>
public sealed class ChainBrowserGarbageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly PortalFactory _portal = portal;
    private LoopbackHttpServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_node_answering_garbage_gives_502_naming_the_answer_and_an_ethereum_network_is_sent_to_its_explorer()
    {
        await using var networks = new FakeNodeNetworks(_portal, _server);
        var neo = await networks.AddAsync("neo-express", "/garbage-rpc");
        using var api = _portal.CreateAdminClient();

        var blocks = await api.GetAsync($"/api/v1/networks/{neo}/chain/blocks");
        var tx = await api.GetAsync($"/api/v1/networks/{neo}/chain/transactions/{new string('1', 64)}");
        var ethereum = await api.GetAsync($"/api/v1/networks/{await networks.AddAsync("ethereum-anvil", "/garbage-rpc")}/chain/blocks");

        Assert.Equal(HttpStatusCode.BadGateway, blocks.StatusCode);
        Assert.Contains("Unexpected getblockcount answer: {\"balance\":\"lots\"}", (await blocks.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, tx.StatusCode);
        Assert.Contains("Unexpected getrawtransaction answer", await tx.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ethereum.StatusCode);
        Assert.Contains("browsed in the explorer", await ethereum.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
