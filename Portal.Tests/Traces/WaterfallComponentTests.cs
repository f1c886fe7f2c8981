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
