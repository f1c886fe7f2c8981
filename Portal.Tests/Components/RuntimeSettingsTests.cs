using Bunit;
using NutPortal.Core.Networks;
using NutPortal.Web.Components.Networks;

namespace NutPortal.Tests.Components;

/// <summary>The network page's "Change at run time" panel offers what the platform changes at run time, and only that.</summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public async Task A_platform_that_changes_only_its_block_interval_offers_no_gas_limit_and_applies_the_interval_alone()
    {
        await using var ctx = new PortalComponentContext("ops@x", "Operator");
        (int? Interval, long? GasLimit)? applied = null;
        var panel = ctx.Render<RuntimeSettings>(p => p
            .Add(c => c.Profile, new NetworkProfile { Platform = "litecoin", BlockIntervalSeconds = 10 })
            .Add(c => c.Changes, ["blockIntervalSeconds"])
            .Add(c => c.OnApply, (settings) => applied = settings));

        Assert.Empty(panel.FindAll("#rt-gas"));
        panel.Find("#rt-interval").Change("4");
        panel.Find("[data-testid=apply-settings]").Click();

        Assert.Equal((4, (long?)null), applied);  // Litecoin refuses a gas limit: sending one failed every change
    }
}
