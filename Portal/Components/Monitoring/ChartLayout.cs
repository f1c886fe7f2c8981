using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace NutPortal.Web.Components.Monitoring;

/// <summary>The portal's Plotly layouts: transparent backgrounds (the Mud theme shows through in light and dark), small margins.</summary>
internal static class ChartLayout
{
    private const string Grey = "#888888";

    /// <summary>Lines over real timestamps (a date x axis) with the unit on the y axis, from zero.</summary>
    public static Plotly.Blazor.Layout Lines(string unit, bool showLegend) => new()
    {
        Height = 200,
        Margin = new Margin { T = 8, R = 12, B = 32, L = 52 },
        ShowLegend = showLegend,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = Grey, Size = 11 },
        XAxis = [new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = unit }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
    };

    /// <summary>Bars over a numeric x axis (a histogram's buckets).</summary>
    public static Plotly.Blazor.Layout Bars(string xTitle, string yTitle) => new()
    {
        Height = 200,
        Margin = new Margin { T = 8, R = 12, B = 40, L = 52 },
        ShowLegend = false,
        BarGap = 0.05m,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = Grey, Size = 11 },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle } }],
        YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
    };
}
