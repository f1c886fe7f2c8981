using NutPortal.Tests.Infrastructure;

namespace NutPortal.Tests.Browser;

public sealed class InteractiveBrowserTests(RealServerPortalFactory portal) : IClassFixture<RealServerPortalFactory>
{
    [BrowserFact]
    public async Task Creating_a_token_shows_its_secret_once_and_lists_it()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("account/tokens");
        await browser.WaitForAsync("[data-testid=token-row], [data-testid=no-tokens]");  // the grid has loaded
        var before = await browser.CountAsync("[data-testid=token-row]");

        await browser.FillAsync("#token-name", "from-the-browser");
        await browser.ClickAsync("[data-testid=create-token]");

        await browser.WaitForAsync("[data-testid=new-token-secret]");
        var secret = await browser.TextAsync("[data-testid=new-token-secret]");
        Assert.StartsWith("np_", secret);
        Assert.Equal(before + 1, await browser.CountAsync("[data-testid=token-row]"));

        // The secret works against the API, and after a reload it is gone from the page.
        using var client = portal.CreateAnonymousClient();
        client.BaseAddress = portal.Address;
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.True((await client.GetAsync("/api/v1/me")).IsSuccessStatusCode);
        await browser.GotoInteractiveAsync("account/tokens");
        Assert.Equal(0, await browser.CountAsync("[data-testid=new-token-secret]"));
    }

    [BrowserFact]
    public async Task Admin_adds_a_user_who_then_signs_in_without_admin_pages()
    {
        var email = $"dev-{Guid.NewGuid():N}@example.test";
        await using (var admin = BrowserSession.Start(portal.Address))
        {
            await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            await admin.GotoInteractiveAsync("admin/users");
            await admin.WaitForAsync("[data-testid=user-table]");
            await admin.FillAsync("#new-email", email);
            await admin.FillAsync("#new-password", "Developer-pass-1");
            await admin.ClickAsync("[data-testid=new-role-Developer] input");
            await admin.ClickAsync("[data-testid=create-user]");
            await admin.WaitForAsync($"[data-testid=user-row][data-email='{email}']");
        }

        await using var developer = BrowserSession.Start(portal.Address);
        await developer.SignInAsync(email, "Developer-pass-1");
        Assert.Contains("Developer", await developer.TextAsync("[data-testid=my-roles]"));
        Assert.Equal(0, await developer.CountAsync("a[href='admin/users']"));
        await developer.GotoAsync("admin/users");
        await developer.WaitForTextAsync("body", "do not allow");
        Assert.Equal(0, await developer.CountAsync("[data-testid=user-table]"));
    }

    [BrowserFact]
    public async Task A_triggered_job_appears_on_the_jobs_page_without_a_reload()
    {
        await using var browser = BrowserSession.Start(portal.Address);
        await browser.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        await browser.GotoInteractiveAsync("admin/jobs");
        await browser.WaitForAsync("[data-testid=job-table]");
        var before = await browser.CountAsync("[data-testid=run-row][data-outcome=Succeeded]");

        await browser.ClickAsync("[data-testid=run-job][data-job=job-run-retention]");

        await browser.WaitForAsync($"[data-testid=run-row][data-outcome=Succeeded] >> nth={before}");
        Assert.Equal(before + 1, await browser.CountAsync("[data-testid=run-row][data-outcome=Succeeded]"));
    }
}
