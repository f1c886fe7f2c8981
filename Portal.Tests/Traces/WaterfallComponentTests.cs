using Bunit;
using MudBlazor;
using MudBlazor.Services;
using NutPortal.Core.Traces;
using NutPortal.Web.Components.Traces;

namespace NutPortal.Tests.Traces;

public sealed class WaterfallComponentTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    public WaterfallComponentTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover service disposes only asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public void The_slowest_stage_is_highlighted_and_an_open_stage_says_running()
    {
        var trace = new TransactionTrace("n", "0x" + new string('a', 64), 10, true,
        [
            new StageSpan(TraceStages.Included, T0, T0.AddSeconds(1), "block 10"),
            new StageSpan(TraceStages.Confirmed, T0.AddSeconds(1), T0.AddSeconds(7), "depth 6 at block 16"),
            new StageSpan("wallet prompt", T0, null, ""),
        ], TraceStages.Confirmed, null, "No node of the network is up to trace the transaction.");

        var page = Render<TraceWaterfall>(p => p.Add(c => c.Trace, trace));

        var rows = page.FindAll("[data-testid=trace-stage]");
        Assert.Equal(["false", "true", "false"], rows.Select(r => r.GetAttribute("data-slowest")));
        Assert.Equal(["1 s", "6 s", "running"], page.FindAll("[data-testid=stage-duration]").Select(d => d.TextContent));
        Assert.Equal(["done", "slowest", "running"], page.FindAll("[data-kind]").Select(b => b.GetAttribute("data-kind")));
    }

    [Fact]
    public void The_critical_path_is_named_and_its_stages_are_marked()
    {
        var t = T0;
        var trace = new TransactionTrace("n", "0x" + new string('b', 64), 12, null,
        [
            new StageSpan(TraceStages.Submitted, t, t.AddMilliseconds(40), "", "node-1"),
            new StageSpan(TraceStages.Propagated, t.AddMilliseconds(40), t.AddMilliseconds(90), "in node-2's pool", "node-2"),
            new StageSpan(TraceStages.Propagated, t.AddMilliseconds(40), t.AddMilliseconds(700), "in node-3's pool", "node-3"),
            new StageSpan(TraceStages.Included, t.AddMilliseconds(40), t.AddSeconds(1), $"block 12, {TraceStages.MadeBy("node-3")}first seen on node-2", "node-2"),
            new StageSpan(TraceStages.Imported, t.AddSeconds(1), t.AddSeconds(2), "node-2 imported block 12", "node-2"),
        ], TraceStages.Imported, null, null);

        var page = Render<TraceWaterfall>(p => p.Add(c => c.Trace, trace));

        Assert.Equal("critical path: submitted → propagated to node-3 → included (block by node-3) → imported on node-2",
            page.Find("[data-testid=critical-path]").TextContent.Trim());
        Assert.Equal(["true", "false", "true", "true", "true"], page.FindAll("[data-testid=trace-stage]").Select(r => r.GetAttribute("data-critical")));
    }

    [Fact]
    public void The_stage_bar_gives_each_finished_stage_its_share_of_the_time()
    {
        IReadOnlyList<StageSpan> stages =
        [
            new StageSpan(TraceStages.Included, T0, T0.AddSeconds(1), ""),
            new StageSpan(TraceStages.Confirmed, T0.AddSeconds(1), T0.AddSeconds(4), ""),
            new StageSpan("wallet prompt", T0, null, ""),
        ];

        var bar = Render<StageBar>(p => p.Add(c => c.Stages, stages));

        var segments = bar.FindAll("[data-stage]");
        Assert.Equal([TraceStages.Included, TraceStages.Confirmed], segments.Select(s => s.GetAttribute("data-stage")));
        Assert.Contains("width: 25%", segments[0].GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("width: 75%", segments[1].GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_call_tree_the_reason_is_shown()
    {
        var trace = new TransactionTrace("n", "0x" + new string('a', 64), 10, null, [], null, null, "No node of the network is up to trace the transaction.");

        var page = Render<CallTree>(p => p.Add(c => c.Trace, trace));

        Assert.Equal("No node of the network is up to trace the transaction.", page.Find("[data-testid=call-tree-error]").TextContent);
    }
}
