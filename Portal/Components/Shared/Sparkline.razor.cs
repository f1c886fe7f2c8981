using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace NutPortal.Web.Components.Shared;

/// <summary>
/// A Plotly.Blazor sparkline of one network-level metric. History is loaded once; live samples are queued and
/// appended with <c>ExtendTrace</c> at most once per <see cref="Interval"/>, keeping the last <see cref="Window"/> points.
/// </summary>
public sealed partial class Sparkline
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentQueue<MetricPoint> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<MetricPoint> _points = [];
    private PortalPlot? _chart;
    private IList<ITrace> _data = [];
    private IDisposable? _subscription;
    private Task? _pump;

    /// <summary>Points kept on the chart (and in memory): ten minutes of one-second samples.</summary>
    public const int Window = 600;

    [Parameter, EditorRequired] public string NetworkId { get; set; } = "";

    [Parameter] public string Metric { get; set; } = Metrics.Tps;

    [Parameter] public string TestId { get; set; } = "sparkline";

    [Inject] private MetricStore Store { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    private readonly Config _config = new() { StaticPlot = true, DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False, Responsive = true };

    private readonly Plotly.Blazor.Layout _layout = new()
    {
        Height = 40,
        Margin = new Margin { L = 0, R = 0, T = 2, B = 2 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        ShowLegend = false,
        XAxis = [new XAxis { Visible = false }],
        YAxis = [new YAxis { Visible = false, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
    };

    protected override async Task OnInitializedAsync()
    {
        _subscription = Notifier.Subscribe<MetricsSampled>(OnSampled);
        var now = Clock.GetUtcNow().UtcDateTime;
        var history = await Store.QueryAsync(NetworkId, Metric, now.AddMinutes(-10), now, stepSeconds: null);
        _points.AddRange(history.Where(p => p.NodeId is null).TakeLast(Window));
        if (_points.Count > 0)
        {
            _data = [Trace(_points)];
        }
    }

    private Task OnSampled(MetricsSampled sample)
    {
        if (sample.NetworkId != NetworkId)
        {
            return Task.CompletedTask;
        }
        foreach (var point in sample.Points.Where(p => p.Metric == Metric && p.NodeId is null))
        {
            _pending.Enqueue(point);
        }
        // The first point of a series that had none: draw the chart (later points go through the pump).
        return _points.Count == 0 ? InvokeAsync(DrainIntoFirstChart) : Task.CompletedTask;
    }

    private void DrainIntoFirstChart()
    {
        if (_points.Count > 0 || _pending.IsEmpty)
        {
            return;
        }
        while (_pending.TryDequeue(out var point))
        {
            _points.Add(point);
        }
        _data = [Trace(_points)];
        StateHasChanged();
    }

    /// <summary>The chart's own AfterRender (not the page's): Plotly has drawn, so points may be appended.</summary>
    private void StartPumping() => _pump ??= PumpAsync(_stop.Token);

    private async Task PumpAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var batch = new List<MetricPoint>();
                while (_pending.TryDequeue(out var point))
                {
                    batch.Add(point);
                }
                if (batch.Count == 0 || _chart is null)
                {
                    continue;
                }
                await InvokeAsync(async () =>
                {
                    _points.AddRange(batch);
                    if (_points.Count > Window)
                    {
                        _points.RemoveRange(0, _points.Count - Window);
                    }
                    await _chart.ExtendTrace(batch.Select(p => (object)p.Time), batch.Select(p => (object)p.Value), 0, Window, ct);
                });
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
        catch (JSDisconnectedException)
        {
            // the circuit went away; nothing left to draw on
        }
    }

    private static Scatter Trace(IEnumerable<MetricPoint> points) => new()
    {
        X = [.. points.Select(p => (object)p.Time)],
        Y = [.. points.Select(p => (object)p.Value)],
        Mode = ModeFlag.Lines,
        Fill = FillEnum.ToZeroY,
        Line = new Line { Width = 1.5m, Color = "#1e88e5" },
        HoverInfo = HoverInfoFlag.Skip,
    };

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _stop.CancelAsync();
        if (_pump is not null)
        {
            await _pump;
        }
        _stop.Dispose();
    }
}
