using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Identity;
using NutPortal.Web.Components.Layout;

namespace NutPortal.Tests.Components;

public sealed class ThemeToggleTests
{
    private const string DarkBackground = "--mud-palette-background: rgba(13,17,23,1)";

    [Fact]
    public async Task Switching_to_dark_mode_restyles_the_page_and_is_kept_for_the_next_page_load()
    {
        await using var ctx = new PortalComponentContext("dark@x", "Developer");
        var contexts = await ctx.UseDatabaseAsync();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Users.Add(new PortalUser { Id = ctx.UserId, UserName = "dark@x", Email = "dark@x" });
            await db.SaveChangesAsync();
        }
        RenderFragment toggle = b => { b.OpenComponent<ThemeToggle>(0); b.CloseComponent(); };

        var page = ctx.Render<MainLayout>(p => p.Add(l => l.Body, toggle));
        Assert.Equal("Switch to dark mode", page.Find("[data-testid=theme-toggle]").GetAttribute("aria-label"));
        Assert.DoesNotContain(DarkBackground, page.Markup, StringComparison.Ordinal);

        page.Find("[data-testid=theme-toggle]").Click();

        page.WaitForAssertion(() => Assert.Equal("Switch to light mode", page.Find("[data-testid=theme-toggle]").GetAttribute("aria-label")));
        Assert.Contains(DarkBackground, page.Markup, StringComparison.Ordinal);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            Assert.True(await db.Users.Where(u => u.Id == ctx.UserId).Select(u => u.PrefersDarkMode).SingleAsync());
        }

        await ctx.DisposeComponentsAsync();  // the next page load starts a new layout
        var nextPage = ctx.Render<MainLayout>(p => p.Add(l => l.Body, toggle));
        nextPage.WaitForAssertion(() => Assert.Contains(DarkBackground, nextPage.Markup, StringComparison.Ordinal));
        Assert.Equal("dark", nextPage.Find("[data-testid=theme-toggle]").GetAttribute("data-theme"));
    }
}
