using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Browser;

public sealed class AccessibilityBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task The_sign_in_page_has_no_serious_accessibility_violations()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.GotoAsync("account/login");

        Assert.Empty(await browser.AccessibilityViolationsAsync());
    }

    [BrowserFact]
    public async Task Signing_in_works_with_the_keyboard_alone()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.GotoAsync("account/login");

        await browser.TabToAsync("#email");
        await browser.TypeAsync(PortalFactory.AdminEmail);
        await browser.PressAsync("Tab");
        Assert.True(await browser.FocusedMatchesAsync("#password"), $"Tab after the email went to '{await browser.FocusedTextAsync()}'");
        await browser.TypeAsync(PortalFactory.AdminPassword);
        await browser.PressAsync("Enter");

        await browser.WaitForAsync("[data-testid=welcome-name]");
        Assert.Equal(PortalFactory.AdminEmail, await browser.TextAsync("[data-testid=welcome-name]"));
    }
}
