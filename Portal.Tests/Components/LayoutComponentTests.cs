using NutPortal.Web.Components.Layout;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Tests.Components;

public sealed class LayoutComponentTests
{
    [Fact]
    public void The_navigation_shows_administration_to_admins()
    {
        using var ctx = new PortalComponentContext("admin@x", "Admin");

        var nav = ctx.Render<NavMenu>();

        var links = nav.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["", "networks", "wallet", "contracts", "traces", "alerts", "oracle", "identity-chains", "dapps", "community", "organizations", "consortia", "account/tokens", "admin/users", "admin/reports", "admin/jobs"], links);
        Assert.Contains("Administration", nav.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Operators_see_the_jobs_dashboard_but_not_users()
    {
        using var ctx = new PortalComponentContext("ops@x", "Operator");

        var nav = ctx.Render<NavMenu>();

        var links = nav.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["", "networks", "wallet", "traces", "alerts", "oracle", "identity-chains", "dapps", "community", "organizations", "consortia", "account/tokens", "admin/jobs"], links);
    }

    [Fact]
    public void The_navigation_hides_administration_from_developers()
    {
        using var ctx = new PortalComponentContext("dev@x", "Developer");

        var nav = ctx.Render<NavMenu>();

        var links = nav.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["", "networks", "wallet", "contracts", "traces", "alerts", "oracle", "identity-chains", "dapps", "community", "organizations", "consortia", "account/tokens"], links);
        Assert.DoesNotContain("Administration", nav.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_shown_in_utc_with_a_machine_readable_attribute()
    {
        using var ctx = new PortalComponentContext();
        var when = new DateTime(2026, 11, 22, 8, 5, 9, DateTimeKind.Utc);

        var time = ctx.Render<LocalTime>(p => p.Add(t => t.Value, when)).Find("time");

        Assert.Equal("2026-11-22 08:05:09 UTC", time.TextContent);
        Assert.Equal("2026-11-22T08:05:09.0000000Z", time.GetAttribute("datetime"));
    }
}
