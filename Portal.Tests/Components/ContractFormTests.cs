using Bunit;
using Microsoft.EntityFrameworkCore;
using NutPortal.Core.Contracts;
using NutPortal.Core.Networks;
using NutPortal.Core.Persistence;
using NutPortal.Web.Components.Contracts;
using NutPortal.Workers;

namespace NutPortal.Tests.Components;

/// <summary>The deploy panel and the contract call form: a bad argument's message under its field, other failures in an alert.</summary>
public sealed class ContractFormTests
{
    private const string Owner = "0x00000000000000000000000000000000000000aa";

    private const string Abi = """
        [
          {"type":"constructor","stateMutability":"nonpayable","inputs":[{"name":"label","type":"string"},{"name":"supply","type":"uint256"},{"name":"owner","type":"address"}]},
          {"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]},
          {"type":"function","name":"deposit","stateMutability":"payable","inputs":[],"outputs":[]},
          {"type":"function","name":"balanceOf","stateMutability":"view","inputs":[{"name":"who","type":"address"}],"outputs":[{"name":"","type":"uint256"}]}
        ]
        """;

    [Fact]
    public async Task Deploy_panel_shows_a_bad_constructor_argument_under_its_field_and_a_network_failure_in_the_alert()
    {
        await using var ctx = new PortalComponentContext("dev@x", "Developer");
        var contexts = await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));  // the scan queue the deploy gate needs
        var version = await SeedAsync(contexts);
        ctx.RenderPopoverProvider();
        var page = ctx.Render<DeployPanel>(p => p.Add(x => x.Version, version));

        page.Find("#ctor-1").Input("abc");
        page.Find("#ctor-2").Input("0x1234");
        page.Find("[data-testid=deploy]").Click();

        page.WaitForAssertion(() => Assert.Equal("uint256 expects a decimal or 0x-hex integer, got 'abc'.", ErrorIn(page, "[data-testid=deploy-panel]", "constructorArguments[1]")));
        Assert.Contains("is not a valid address", ErrorIn(page, "[data-testid=deploy-panel]", "constructorArguments[2]"), StringComparison.Ordinal);
        Assert.Null(ErrorIn(page, "[data-testid=deploy-panel]", "constructorArguments[0]"));
        Assert.Empty(page.FindAll("[data-testid=deploy-error]"));

        // Correct values reach the deployer; the network has no running node, which names no argument: an alert.
        page.Find("#ctor-1").Input("-1");
        page.WaitForAssertion(() => Assert.Contains("out of range for uint256", ErrorIn(page, "[data-testid=deploy-panel]", "constructorArguments[1]"), StringComparison.Ordinal));
        page.Find("#ctor-1").Input("1000");
        page.Find("#ctor-2").Input(Owner);
        page.Find("[data-testid=deploy]").Click();

        page.WaitForAssertion(() => Assert.Equal("The network has no running node with an RPC endpoint.", page.Find("[data-testid=deploy-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=deploy-panel] [aria-invalid=true]"));
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.DeployedContracts.CountAsync());
    }

    [Fact]
    public async Task Call_form_shows_bad_arguments_and_value_under_their_fields_and_a_network_failure_in_the_alert()
    {
        await using var ctx = new PortalComponentContext("dev@x", "Developer");
        var contexts = await ctx.UseDatabaseAsync((s, configuration) => s.AddPortalWorkers(configuration));  // the scan queue the deploy gate needs
        await SeedAsync(contexts);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.DeployedContracts.Add(new DeployedContract
            {
                NetworkId = "formnet", Address = Owner, ContractName = "Coin", AbiJson = Abi, CompilerVersion = "0.8.28",
                TransactionHash = "0x" + new string('1', 64), DeployedBy = "dev@x", DeployedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        ctx.RenderPopoverProvider();
        var page = ctx.Render<ContractInteract>(p => p.Add(x => x.NetworkId, "formnet").Add(x => x.Address, Owner));
        const string transfer = "[data-testid=function][data-name=transfer]";
        const string deposit = "[data-testid=function][data-name=deposit]";
        const string balanceOf = "[data-testid=function][data-name=balanceOf]";

        page.Find($"{transfer} [data-field='arguments[0]']").Input("not-an-address");
        page.Find($"{transfer} [data-field='arguments[1]']").Input("12x");
        page.Find($"{transfer} [data-testid=invoke]").Click();
        page.Find($"{deposit} [data-field=value]").Input("-5");
        page.Find($"{deposit} [data-testid=invoke]").Click();

        page.WaitForAssertion(() => Assert.Equal("uint256 expects a decimal or 0x-hex integer, got '12x'.", ErrorIn(page, transfer, "arguments[1]")));
        Assert.Contains("'not-an-address' is not a valid address", ErrorIn(page, transfer, "arguments[0]"), StringComparison.Ordinal);
        Assert.Equal("Value in wei, a non-negative integer.", ErrorIn(page, deposit, "value"));
        Assert.Empty(page.FindAll("[data-testid=invoke-error]"));
        Assert.Null(ErrorIn(page, balanceOf, "arguments[0]"));  // untouched forms stay quiet

        page.Find($"{balanceOf} [data-field='arguments[0]']").Input(Owner);
        page.Find($"{balanceOf} [data-testid=invoke]").Click();

        page.WaitForAssertion(() => Assert.Equal("The network has no running node with an RPC endpoint.", page.Find($"{balanceOf} [data-testid=invoke-error]").TextContent.Trim()));
        Assert.Null(ErrorIn(page, balanceOf, "arguments[0]"));
        Assert.NotNull(ErrorIn(page, transfer, "arguments[1]"));  // the other form keeps its messages
    }

    [Fact]
    public void A_service_error_naming_an_argument_is_placed_under_it_until_the_value_changes_and_others_are_not()
    {
        var transfer = NutPortal.Core.Ethereum.Abi.ContractAbi.Parse(Abi).GetFunction("transfer(address,uint256)");
        var fields = new ArgumentFields(transfer.Inputs);
        fields.Values[0] = Owner;
        fields.Values[1] = "abc";

        var failure = Assert.Throws<ContractFailureException>(() => AbiArguments.Parse(transfer.Inputs, fields.ToJson(), "arguments"));

        Assert.Equal(("arguments", (int?)1), (failure.Field, failure.ArgumentIndex));
        Assert.True(fields.Place(failure));
        Assert.Contains(failure.Message, fields.Checks[1]("abc"));
        Assert.DoesNotContain(failure.Message, fields.Checks[1]("7"));
        Assert.Empty(fields.Checks[0](Owner));
        Assert.False(fields.Place(new ContractFailureException(ContractFailureKind.Reverted, "function", "The call reverted.")));
    }

    /// <summary>The message MudBlazor shows under the field <paramref name="field"/> inside <paramref name="scope"/>, or null.</summary>
    private static string? ErrorIn<T>(IRenderedComponent<T> page, string scope, string field)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var input = page.Find(scope).QuerySelectorAll($"[data-field='{field}']").SingleOrDefault(i => i.GetAttribute("aria-invalid") == "true");
        return input?.GetAttribute("aria-describedby") is { } id ? page.Find($"[id='{id}']").TextContent.Trim() : null;
    }

    /// <summary>A running network with no node up (so a call fails without naming an argument) and a saved version to deploy.</summary>
    private static async Task<ContractVersion> SeedAsync(IDbContextFactory<PortalDbContext> contexts)
    {
        var artifacts = System.Text.Json.JsonSerializer.Serialize(new[] { new ContractArtifact("Coin", "Coin.sol", Abi, "0x6080", "0x6080") });
        var version = new ContractVersion
        {
            ProjectId = "coinproj", Number = 1, SourcesJson = "{}", CompilerVersion = "0.8.28", ArtifactsJson = artifacts, CreatedBy = "dev@x", CreatedAt = DateTime.UtcNow,
        };
        await using var db = await contexts.CreateDbContextAsync();
        db.Networks.Add(new Network
        {
            Id = "formnet", Name = "form-net", Platform = "ethereum-anvil", Driver = "local", ProfileJson = "{}", Status = NetworkStatus.Running,
            CreatedBy = "dev@x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        db.ContractProjects.Add(new ContractProject
        {
            Id = "coinproj", Name = "Coin", CreatedBy = "dev@x", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Versions = [version],
        });
        await db.SaveChangesAsync();
        return version;
    }
}
