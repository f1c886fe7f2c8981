using NutPortal.Core.Traces;
using NutPortal.Tests.Components;
using NutPortal.Web.Components.Traces;

namespace NutPortal.Tests.Traces;

public sealed class WaterfallComponentTests
{
    private static readonly DateTime T0 = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_slowest_stage_is_highlighted_and_an_open_stage_says_running()
    {
        var trace = new TransactionTrace("n", "0x" + new string('a', 64), 10, true,
        [
            new StageSpan(TraceStages.Included, T0, T0.AddSeconds(1), "block 10"),
            new StageSpan(TraceStages.Confirmed, T0.AddSeconds(1), T0.AddSeconds(7), "depth 6 at block 16"),
            new StageSpan("wallet prompt", T0, null, ""),
        ], TraceStages.Confirmed, null, "No node of the network is up to trace the transaction.");

        var page = await ComponentRenderer.RenderAsync<TraceWaterfall>(parameters: new Dictionary<string, object?> { ["Trace"] = trace });

        var rows = page.QuerySelectorAll("[data-testid=trace-stage]");
        Assert.Equal(["false", "true", "false"], rows.Select(r => r.GetAttribute("data-slowest")));
        Assert.Equal(["1 s", "6 s", "running"], page.QuerySelectorAll("[data-testid=stage-duration]").Select(d => d.TextContent));
        Assert.Contains("bg-danger", rows[1].InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_call_tree_the_reason_is_shown()
    {
        var trace = new TransactionTrace("n", "0x" + new string('a', 64), 10, null, [], null, null, "No node of the network is up to trace the transaction.");

        var page = await ComponentRenderer.RenderAsync<CallTree>(parameters: new Dictionary<string, object?> { ["Trace"] = trace });

        Assert.Equal("No node of the network is up to trace the transaction.", page.QuerySelector("[data-testid=call-tree-error]")!.TextContent);
    }
}
