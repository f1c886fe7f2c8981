using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Browser;

public sealed class SignInBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task Wrong_password_shows_an_error_and_the_right_one_shows_the_dashboard()
    {
        await using var browser = BrowserSession.Start(portal.Address);

        await browser.GotoAsync("account/login");
        await browser.FillAsync("#email", PortalFactory.AdminEmail);
        await browser.FillAsync("#password", "not-the-password");
        await browser.ClickAsync("[data-testid=sign-in]");
        await browser.WaitForAsync("[data-testid=login-error]");
        Assert.Equal("Wrong email or password.", await browser.TextAsync("[data-testid=login-error]"));

        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        Assert.Equal(PortalFactory.AdminEmail, await browser.TextAsync("[data-testid=welcome-name]"));
        Assert.Contains("Admin", await browser.TextAsync("[data-testid=my-roles]"));
        Assert.Empty(await browser.PageErrorsAsync());
    }

    [BrowserFact]
    public async Task A_page_asked_for_before_sign_in_opens_after_it()
    {
        await using var browser = BrowserSession.Start(portal.Address);

        await browser.GotoAsync("admin/jobs");
        await browser.WaitForUrlAsync("account/login");
        await browser.FillAsync("#email", PortalFactory.AdminEmail);
        await browser.FillAsync("#password", PortalFactory.AdminPassword);
        await browser.ClickAsync("[data-testid=sign-in]");

        await browser.WaitForTextAsync("body", "NutPortal jobs");
        Assert.EndsWith("/admin/jobs", await browser.UrlAsync());
    }

    [BrowserFact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_pages_need_sign_in_again()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        await browser.ClickAsync("[data-testid=sign-out]");
        await browser.WaitForUrlAsync("account/login");
        await browser.GotoAsync("account/tokens");

        await browser.WaitForUrlAsync("account/login");
    }
}
