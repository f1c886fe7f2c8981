using NutPortal.Core.Oracle;
using NutPortal.Tests.Browser;
using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Oracle;

public sealed class OracleBrowserTests
{
    [BrowserFact]
    public async Task A_request_answered_while_the_oracle_page_is_open_appears_there_live()
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        await using var portal = new RealServerPortalFactory().WithOracleSettings();
        var address = portal.Address;
        await portal.AddNetworkAsync("live-net");
        var admin = await portal.AdminCallerAsync();

        await using var browser = BrowserSession.Start(address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("oracle");
        await browser.WaitForAsync("[data-testid=no-oracle-requests]");
        var request = await portal.SubmitAndWaitAsync(admin, new OracleSubmission("live-net", server.Localhost("/price"),
            Selector: "data.price", ResultType: OracleResultType.Int256, Decimals: 2));

        await browser.WaitForAsync($"[data-testid=oracle-row][data-id='{request.Id}'][data-status=Succeeded]");
        await browser.WaitForTextAsync("[data-testid=oracle-value]", "12345");
        Assert.Equal("1 request", await browser.TextAsync("[data-testid=oracle-count]"));
    }
}
