using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NutPortal.Core.Networks;
using NutPortal.Core.Networks.Platforms;
using NutPortal.Web.Components.Networks;
using NutPortal.Workers;
using static NutPortal.Tests.Components.NewNetworkFormTests;

namespace NutPortal.Tests.Components;

/// <summary>The "platform status" card: on the new-network form for the chosen platform, on the network page with the network's values.</summary>
public sealed class PlatformFactsCardTests
{
    [Fact]
    public async Task The_new_network_form_shows_the_chosen_platforms_facts_and_changes_them_with_the_platform()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        var popovers = ctx.RenderPopoverProvider();
        var page = ctx.Render<NewNetwork>();

        Assert.Equal("ethereum-anvil", page.Find("[data-testid=platform-facts]").GetAttribute("data-platform"));
        Assert.Equal("Keccak-256", Fact(page, "hash-functions"));
        Assert.Equal("EVM smart contracts (Solidity, compiled by the portal)", Fact(page, "contract-support"));

        await ChooseAsync(page, popovers, "select-platform", "Litecoin (regtest)");

        page.WaitForAssertion(() => Assert.Equal("Proof of work (Scrypt), longest chain by work", Fact(page, "consensus")));
        Assert.Equal("UTXO (unspent transaction outputs)", Fact(page, "account-model"));
        Assert.Equal("ECDSA over secp256k1", Fact(page, "signature-scheme"));
        Assert.Contains("Scrypt (proof of work)", Fact(page, "hash-functions"), StringComparison.Ordinal);
        Assert.Equal("1 to 16; nodes can be added to and removed from a running network", Fact(page, "node-counts"));
        Assert.Single(page.FindAll("[data-parameter='litecoin.miningNodes']"));
        Assert.Empty(page.FindAll("[data-parameter] [data-testid=parameter-value]"));  // no network yet, so no values

        await ChooseAsync(page, popovers, "select-platform", "Neo N3 (neo-express)");

        page.WaitForAssertion(() => Assert.Equal("dBFT 2.0 (delegated Byzantine fault tolerance)", Fact(page, "consensus")));
        Assert.Equal("1, 4 or 7 consensus nodes", Fact(page, "node-counts"));
        Assert.Contains("secp256r1", Fact(page, "signature-scheme"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_networks_profile_each_consensus_parameter_shows_the_networks_value()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));
        var litecoin = ctx.Services.GetRequiredService<IEnumerable<IBlockchainPlatform>>().Single(p => p.Name == "litecoin");
        var profile = new NetworkProfile
        {
            Name = "ltc", Platform = "litecoin", Consensus = "pow", NodeCount = 3, BlockIntervalSeconds = 7,
            Litecoin = new() { BlockMaxWeight = 2_000_000, MiningNodes = [1, 2] },
        };

        var card = ctx.Render<PlatformFactsCard>(p => p.Add(c => c.Platform, litecoin).Add(c => c.Profile, profile));

        Assert.Equal("= 3", Value(card, "nodeCount"));
        Assert.Equal("= 7", Value(card, "blockIntervalSeconds"));
        Assert.Equal("= 2000000", Value(card, "litecoin.blockMaxWeight"));
        Assert.Equal("= 1, 2", Value(card, "litecoin.miningNodes"));
        Assert.Equal("Blocks go on while at least one mining node is up; other nodes only relay and validate.", Fact(card, "fault-rule"));
    }

    private static string Fact<T>(IRenderedComponent<T> page, string fact)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"[data-testid=platform-facts] [data-fact='{fact}']").TextContent.Trim();

    private static string Value(IRenderedComponent<PlatformFactsCard> card, string parameter) =>
        card.Find($"[data-parameter='{parameter}'] [data-testid=parameter-value]").TextContent.Trim();
}
