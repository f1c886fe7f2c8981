using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NutPortal.Core.Networks;
using NutPortal.Web.Components.Networks;
using NutPortal.Workers;

namespace NutPortal.Tests.Components;

public sealed class NewNetworkFormTests
{
    [Fact]
    public async Task Bad_values_show_the_validators_message_under_the_field_that_has_them_and_nothing_is_created()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        var contexts = await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        var validator = ctx.Services.GetRequiredService<ProfileValidator>();
        var expected = validator.Validate(new NetworkProfile { Name = "", NodeCount = 0, BlockIntervalSeconds = 100_000 }).ToDictionary(e => e.Field, e => e.Message);
        var page = ctx.Render<NewNetwork>();

        page.Find("#nodeCount").Change("0");
        page.Find("#blockIntervalSeconds").Change("100000");
        page.Find("[data-testid=create-network]").Click();

        page.WaitForAssertion(() => Assert.Equal(expected["nodeCount"], ErrorUnder(page, "nodeCount")));
        Assert.Equal(expected["blockIntervalSeconds"], ErrorUnder(page, "blockIntervalSeconds"));
        Assert.Equal(expected["name"], ErrorUnder(page, "name"));
        Assert.Null(ErrorUnder(page, "chainId"));  // a good value shows no message
        Assert.Contains("Fix the fields", page.Find("[data-testid=form-errors]").TextContent, StringComparison.Ordinal);
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Networks.CountAsync());

        // Correcting a field clears its message.
        page.Find("#nodeCount").Change("1");
        page.WaitForAssertion(() => Assert.Null(ErrorUnder(page, "nodeCount")));
        Assert.NotNull(ErrorUnder(page, "blockIntervalSeconds"));
    }

    [Fact]
    public async Task A_name_the_server_finds_taken_is_shown_under_the_name_and_a_valid_profile_then_creates_the_network()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        var contexts = await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Networks.Add(new Network
            {
                Id = "taken1", Name = "taken", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", Status = NetworkStatus.Stopped,
                CreatedBy = "ops@x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var page = ctx.Render<NewNetwork>();

        page.Find("#name").Change("Taken");
        page.Find("[data-testid=create-network]").Click();

        page.WaitForAssertion(() => Assert.Equal("A network named 'Taken' already exists; pick another name.", ErrorUnder(page, "name")));
        Assert.Empty(page.FindAll("[data-testid=form-error]"));  // placed at its field, not in a banner

        page.Find("#name").Change("form-made");
        page.WaitForAssertion(() => Assert.Null(ErrorUnder(page, "name")));
        page.Find("[data-testid=create-network]").Click();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/networks/[0-9a-f]+$", navigation.Uri));
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var created = await db.Networks.Include(n => n.Nodes).SingleAsync(n => n.Name == "form-made");
            Assert.EndsWith($"/networks/{created.Id}", navigation.Uri, StringComparison.Ordinal);
            Assert.Equal(NetworkStatus.Deploying, created.Status);
            Assert.Single(created.Nodes);
        }
    }

    [Fact]
    public async Task Choosing_another_platform_shows_its_consensus_hides_the_fields_it_has_none_of_and_rechecks_the_shown_messages()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        var popovers = ctx.RenderPopoverProvider();
        var page = ctx.Render<NewNetwork>();
        Assert.Single(page.FindAll("#hardfork"));
        page.Find("#nodeCount").Change("3");  // anvil runs one node
        page.WaitForAssertion(() => Assert.NotNull(ErrorUnder(page, "nodeCount")));

        await ChooseAsync(page, popovers, "select-platform", "Litecoin (regtest)");

        page.WaitForAssertion(() => Assert.Null(ErrorUnder(page, "nodeCount")));  // three Litecoin nodes are fine
        Assert.Empty(page.FindAll("#hardfork"));
        Assert.Empty(page.FindAll("#accounts-count"));
        Assert.Equal("pow", page.Find("#consensus").GetAttribute("value"));  // not the Ethereum "dev" left behind
    }

    /// <summary>
    /// The validation message shown under the field bound to <paramref name="field"/> (the input MudBlazor marks
    /// aria-invalid, described by the message), or null when the field is valid.
    /// </summary>
    internal static string? ErrorUnder<T>(IRenderedComponent<T> page, string field)
        where T : IComponent
    {
        var input = page.FindAll($"[data-field='{field}']").SingleOrDefault(i => i.GetAttribute("aria-invalid") == "true");
        return input?.GetAttribute("aria-describedby") is { } id ? page.Find($"[id='{id}']").TextContent.Trim() : null;
    }

    /// <summary>Opens a MudSelect and clicks the item showing <paramref name="text"/> in the popover.</summary>
    internal static async Task ChooseAsync<T>(IRenderedComponent<T> page, IRenderedComponent<MudPopoverProvider> popovers, string testId, string text)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        await page.Find($"[data-testid={testId}]").ParentElement!.MouseDownAsync(new());
        popovers.WaitForAssertion(() => Assert.Contains(popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == text));
        await popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == text).ClickAsync(new());
    }
}
