using System.Globalization;
using NutPortal.Tests.Infrastructure;
using NutPortal.Tests.Networks;
using static NutPortal.Tests.Networks.NetworkApi;

namespace NutPortal.Tests.Browser;

/// <summary>The network page shows a node that falls behind as catching up, by how many blocks, live, until it is back at the head.</summary>
public sealed class NodeCatchUpBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    private const string Behind = "[data-testid=node-catching-up][data-node=node-3]";

    [BrowserFact]
    public async Task A_node_cut_off_from_its_peers_is_shown_catching_up_with_a_growing_lag_and_back_at_the_head_once_it_reconnects()
    {
        using var client = portal.CreateAdminClient();
        client.BaseAddress = portal.Address;
        var id = (await CreateAsync(client, new
        {
            name = "ltc-catch-up", platform = "litecoin", nodeCount = 3, consensus = "pow", blockIntervalSeconds = 1, accounts = new { count = 0 },
        })).GetProperty("id").GetString()!;
        var running = await WaitForAsync(client, id, n => Status(n) == "Running" && SameHead(n, 3), TimeSpan.FromSeconds(90), "three nodes running at one head");
        var node1 = NodeNamed(running, "node-1");
        var node3 = NodeNamed(running, "node-3");

        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync($"networks/{id}");
        await browser.WaitForAsync("[data-testid=node-row][data-node=node-3]");
        await browser.EvaluateAsync<object?>("window.__noReload = true");

        // node-3 stays up but stops talking to its peers (its own RPC, as an operator on the machine could): node-1 mines on.
        await LitecoinRpc.CallAsync(portal.DataDirectory, id, node3, "setnetworkactive", [false]);
        await browser.WaitForAsync(Behind, timeoutMs: 30000);
        var lag = BlocksBehind(await browser.TextAsync(Behind));
        Assert.True(lag >= 1, $"lag {lag}");
        await browser.WaitForAsync($"xpath=//*[@data-testid='node-catching-up' and @data-node='node-3' and number(substring-before(substring-after(., '('), ' ')) > {lag}]", timeoutMs: 30000);

        // Back on the network (dialling the miner at once instead of waiting for litecoind's minute between retries): it catches up.
        await LitecoinRpc.CallAsync(portal.DataDirectory, id, node3, "setnetworkactive", [true]);
        await LitecoinRpc.CallAsync(portal.DataDirectory, id, node3, "addnode", [LitecoinRpc.P2pAddress(node1), "onetry"]);
        const string heights = "//*[@data-testid='node-height']";
        await browser.WaitForAsync($"xpath=//*[@data-testid='node-table'][count(.{heights}) = 3][not(.{heights}[. != ({heights})[1]])][not(.//*[@data-testid='node-catching-up'])]", timeoutMs: 30000);
        Assert.True(await browser.EvaluateAsync<bool>("window.__noReload === true"), "the page reloaded");
    }

    /// <summary>N from "catching up (N blocks behind)".</summary>
    private static long BlocksBehind(string? text)
    {
        Assert.NotNull(text);
        var inside = text[(text.IndexOf('(', StringComparison.Ordinal) + 1)..];
        return long.Parse(inside[..inside.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
    }
}
