using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using NutPortal.Core.Networks;
using NutPortal.Web.Components.Alerts;
using static NutPortal.Tests.Components.NewNetworkFormTests;

namespace NutPortal.Tests.Components;

public sealed class AlertRuleFormTests
{
    [Fact]
    public async Task Missing_and_non_numeric_values_show_their_message_under_the_field_and_no_rule_is_made()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        var contexts = await ctx.UseDatabaseAsync();
        await SeedNetworkAsync(contexts);
        ctx.RenderPopoverProvider();
        var page = ctx.Render<AlertRules>();

        page.Find("#threshold").Change("abc");
        page.Find("#forSeconds").Change("90000");
        page.Find("[data-testid=create-rule]").Click();

        page.WaitForAssertion(() => Assert.Equal("A name of 1 to 100 characters.", ErrorUnder(page, "name")));
        Assert.Equal("Choose a network.", ErrorUnder(page, "networkId"));
        Assert.Equal("0 to 86400 seconds.", ErrorUnder(page, "forSeconds"));
        Assert.NotNull(ErrorUnder(page, "threshold"));  // "abc" is not a number: MudBlazor's conversion message
        Assert.Null(ErrorUnder(page, "metric"));
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.AlertRules.CountAsync());
    }

    [Fact]
    public async Task The_services_verdict_on_a_webhook_lands_under_the_webhook_field_and_a_valid_rule_is_created()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        var contexts = await ctx.UseDatabaseAsync();
        await SeedNetworkAsync(contexts);
        var popovers = ctx.RenderPopoverProvider();
        var page = ctx.Render<AlertRules>();

        page.Find("#name").Change("chain alive");
        await ChooseAsync(page, popovers, "rule-network", "form-net");
        page.Find("#threshold").Change("2.5");
        page.Find("#channels-0-url").Change("http://169.254.169.254/latest");
        page.Find("[data-testid=create-rule]").Click();

        page.WaitForAssertion(() => Assert.NotNull(ErrorUnder(page, "channels[0].url")));
        Assert.Empty(page.FindAll("[data-testid=form-error]"));
        Assert.Empty(page.FindAll("[data-testid=rule-row]"));

        page.Find("#channels-0-url").Change("");
        page.WaitForAssertion(() => Assert.Null(ErrorUnder(page, "channels[0].url")));
        page.Find("[data-testid=create-rule]").Click();

        page.WaitForAssertion(() => Assert.Equal("chain alive", page.Find("[data-testid=rule-row]").TextContent.Trim()));
        await using var db = await contexts.CreateDbContextAsync();
        var rule = await db.AlertRules.SingleAsync();
        Assert.Equal(("formnet", 2.5, "[]"), (rule.NetworkId, rule.Threshold, rule.ChannelsJson));
    }

    private static async Task SeedNetworkAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<NutPortal.Core.Persistence.PortalDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        db.Networks.Add(new Network
        {
            Id = "formnet", Name = "form-net", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", Status = NetworkStatus.Running,
            CreatedBy = "ops@x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
