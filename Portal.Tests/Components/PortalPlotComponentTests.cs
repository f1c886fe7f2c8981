using Bunit;
using NutPortal.Web.Components.Shared;

namespace NutPortal.Tests.Components;

/// <summary>
/// A chart whose tab closes while its first drawing is still unanswered. A real browser never replies, and
/// PlotlyChart's disposal waits for the reply: the circuit was never freed and a portal stop waited on it.
/// </summary>
public sealed class PortalPlotComponentTests : BunitContext
{
    private const string PlotlyModule = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";

    [Fact]
    public async Task Disposing_a_chart_mid_draw_abandons_the_unanswered_drawing()
    {
        var module = JSInterop.SetupModule(PlotlyModule);
        module.SetupVoid("importScript", _ => true).SetVoidResult();
        var draw = module.SetupVoid("newPlot", _ => true); // never answered: the tab is gone
        var rendered = 0;
        var chart = Render<PortalPlot>(p => p.Add(c => c.Id, "closed-mid-draw").Add(c => c.Data, new List<Plotly.Blazor.ITrace>())
            .Add(c => c.AfterRender, () => rendered++));
        await WaitUntilAsync(() => draw.Invocations.Count == 1);
        var drawing = Assert.IsType<CancellationToken>(draw.Invocations["newPlot"][0].CancellationToken);
        Assert.False(drawing.IsCancellationRequested);

        // What the circuit's renderer calls when the closed tab's circuit is torn down.
        await ((IAsyncDisposable)chart.Instance).DisposeAsync();

        Assert.True(drawing.IsCancellationRequested, "the drawing call was left waiting for a browser that is gone");
        Assert.Equal(0, rendered); // an abandoned drawing never reports a drawn chart
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }
        Assert.True(condition(), "the chart never started drawing");
    }
}
