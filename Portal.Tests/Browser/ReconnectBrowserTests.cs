using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Browser;

public sealed class ReconnectBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task After_the_connection_drops_the_page_reconnects_and_keeps_working()
    {
        using var proxy = new TcpProxy(portal.Address);
        await using var browser = BrowserSession.Start(proxy.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("account/tokens");
        await browser.FillAsync("#token-name", "before-drop");
        await browser.ClickAsync("[data-testid=create-token]");
        await browser.WaitForAsync("[data-testid=new-token-secret]");
        var secretBefore = await browser.TextAsync("[data-testid=new-token-secret]");

        proxy.DropAllConnections();

        // The circuit survives on the server: after reconnecting, the page still shows its state and responds.
        await browser.WaitForAsync("#components-reconnect-modal", "attached", 15000);
        await browser.WaitForAsync("#components-reconnect-modal", "hidden", 30000);
        Assert.Equal(secretBefore, await browser.TextAsync("[data-testid=new-token-secret]"));
        var rows = await browser.CountAsync("[data-testid=token-row]");
        await browser.FillAsync("#token-name", "after-drop");
        await browser.ClickAsync("[data-testid=create-token]");
        await browser.WaitForAsync($"[data-testid=token-row] >> nth={rows}");
        Assert.NotEqual(secretBefore, await browser.TextAsync("[data-testid=new-token-secret]"));
        Assert.True(proxy.DroppedConnections > 0);
    }
}
