using NutPortal.Web.Components.Layout;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Tests.Components;

public sealed class LayoutComponentTests
{
    [Fact]
    public async Task The_navigation_shows_administration_to_admins()
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.User("admin@x", "Admin"));

        var links = page.QuerySelectorAll("a.nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["", "networks", "contracts", "traces", "alerts", "account/tokens", "admin/users", "admin/jobs"], links);
    }

    [Fact]
    public async Task The_navigation_hides_administration_from_other_roles()
    {
        var page = await ComponentRenderer.RenderAsync<NavMenu>(ComponentRenderer.User("dev@x", "Developer", "Operator"));

        var links = page.QuerySelectorAll("a.nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["", "networks", "contracts", "traces", "alerts", "account/tokens"], links);
        Assert.DoesNotContain("Administration", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Times_are_shown_in_utc_with_a_machine_readable_attribute()
    {
        var when = new DateTime(2026, 11, 22, 8, 5, 9, DateTimeKind.Utc);

        var page = await ComponentRenderer.RenderAsync<LocalTime>(parameters: new Dictionary<string, object?> { ["Value"] = when });

        var time = page.QuerySelector("time")!;
        Assert.Equal("2026-11-22 08:05:09 UTC", time.TextContent);
        Assert.Equal("2026-11-22T08:05:09.0000000Z", time.GetAttribute("datetime"));
    }
}
