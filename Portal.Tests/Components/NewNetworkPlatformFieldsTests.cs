using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Web.Components.Networks;
using NutPortal.Web.Components.Shared;
using NutPortal.Workers;
using static NutPortal.Tests.Components.NewNetworkFormTests;

namespace NutPortal.Tests.Components;

/// <summary>The new-network form offers each platform's own profile settings, and only those.</summary>
public sealed class NewNetworkPlatformFieldsTests
{
    [Theory]
    [InlineData("Neo N3 (neo-express)", "chainId,neo.maxTransactionsPerBlock", "blockGasLimit,litecoin.blockMaxWeight,litecoin.miningNodes,litecoin.confirmations")]
    [InlineData("Litecoin (regtest)", "litecoin.blockMaxWeight,litecoin.miningNodes,litecoin.confirmations", "blockGasLimit,chainId,neo.maxTransactionsPerBlock")]
    public async Task Each_platform_shows_the_settings_it_reads_and_none_of_the_others(string platform, string shown, string hidden)
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        var popovers = ctx.RenderPopoverProvider();
        var page = ctx.Render<NewNetwork>();

        await ChooseAsync(page, popovers, "select-platform", platform);

        page.WaitForAssertion(() => Assert.All(shown.Split(','), field => Assert.Single(page.FindAll($"input[data-field='{field}']"))));
        Assert.All(hidden.Split(','), field => Assert.Empty(page.FindAll($"[data-field='{field}']")));
    }

    [Fact]
    public async Task Litecoin_settings_out_of_range_show_the_validators_message_under_their_fields_and_good_ones_reach_the_stored_profile()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        var contexts = await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        var popovers = ctx.RenderPopoverProvider();
        var page = ctx.Render<NewNetwork>();
        await ChooseAsync(page, popovers, "select-platform", "Litecoin (regtest)");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("#litecoin-miningNodes")));
        var validator = ctx.Services.GetRequiredService<ProfileValidator>();
        var expected = validator.Validate(new NetworkProfile
        {
            Name = "ltc-form", Platform = "litecoin", Consensus = "pow", NodeCount = 3, Accounts = new() { Count = 0 },
            Litecoin = new() { BlockMaxWeight = 100, MiningNodes = [1, 4], Confirmations = 0 },
        }).ToDictionary(e => e.Field, e => e.Message);

        page.Find("#name").Change("ltc-form");
        page.Find("#nodeCount").Change("3");
        page.Find("#litecoin-blockMaxWeight").Change("100");
        page.Find("#litecoin-miningNodes").Change("1, 4");
        page.Find("#litecoin-confirmations").Change("0");
        page.Find("[data-testid=create-network]").Click();

        page.WaitForAssertion(() => Assert.Equal(expected["litecoin.miningNodes"], ErrorUnder(page, "litecoin.miningNodes")));
        Assert.Equal(expected["litecoin.blockMaxWeight"], ErrorUnder(page, "litecoin.blockMaxWeight"));
        Assert.Equal(expected["litecoin.confirmations"], ErrorUnder(page, "litecoin.confirmations"));
        Assert.Empty(page.FindAll("[data-testid=form-error]"));

        // What is not a list of numbers says so, rather than reporting an empty list.
        page.Find("#litecoin-miningNodes").Change("1, two");
        page.WaitForAssertion(() => Assert.Equal("Type node numbers separated by commas (e.g. 1, 2); 'two' is not a number.", ErrorUnder(page, "litecoin.miningNodes")));

        page.Find("#litecoin-blockMaxWeight").Change("2000000");
        page.Find("#litecoin-miningNodes").Change("1, 3");
        page.Find("#litecoin-confirmations").Change("12");
        page.Find("[data-testid=create-network]").Click();

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/networks/[0-9a-f]+$", navigation.Uri));
        await using var db = await contexts.CreateDbContextAsync();
        var stored = JsonSerializer.Deserialize<NetworkProfile>((await db.Networks.SingleAsync(n => n.Name == "ltc-form")).ProfileJson, JsonSerializerOptions.Web)!;
        Assert.Equal(2_000_000, stored.Litecoin.BlockMaxWeight);
        Assert.Equal([1, 3], stored.Litecoin.MiningNodes);
        Assert.Equal(12, stored.Litecoin.Confirmations);
    }

    [Fact]
    public async Task A_neo_transaction_limit_the_engine_does_not_take_is_named_under_its_field()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        var popovers = ctx.RenderPopoverProvider();
        var page = ctx.Render<NewNetwork>();
        await ChooseAsync(page, popovers, "select-platform", "Neo N3 (neo-express)");
        page.WaitForAssertion(() => Assert.Equal("512", page.Find("#neo-maxTransactionsPerBlock").GetAttribute("value")));

        page.Find("#name").Change("neo-form");
        page.Find("#nodeCount").Change("4");
        page.Find("#neo-maxTransactionsPerBlock").Change("100");
        page.Find("[data-testid=create-network]").Click();

        page.WaitForAssertion(() => Assert.Equal("neo-express 3.5.20 fixes this at 512; got 100.", ErrorUnder(page, "neo.maxTransactionsPerBlock")));
        Assert.Null(ErrorUnder(page, "nodeCount"));
    }

    [Fact]
    public async Task Every_profile_field_a_platform_reads_has_a_form_field_for_the_servers_message()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        var platforms = ctx.Services.GetRequiredService<IEnumerable<IBlockchainPlatform>>().ToList();
        var read = PlatformCapabilities.CommonProfileFields.Concat(platforms.SelectMany(p => p.Capabilities.ProfileFields ?? [])).Distinct().ToList();
        var errors = new ServerFieldErrors(new NetworkForm(), NetworkForm.Fields);

        errors.Set(read.Select(field => new ProfileError(field, "from the server")));

        Assert.Contains("litecoin.miningNodes", read);
        Assert.Contains("neo.maxTransactionsPerBlock", read);
        Assert.Empty(errors.Unplaced());  // each one lands on a form property, none in the banner
        Assert.Equal(["from the server"], errors.For(nameof(NetworkForm.LitecoinMiningNodes)));
        Assert.Equal(["from the server"], errors.For(nameof(NetworkForm.LitecoinBlockMaxWeight)));
    }
}
