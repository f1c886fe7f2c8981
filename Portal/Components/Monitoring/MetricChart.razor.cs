using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Web.Components.Shared;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace NutPortal.Web.Components.Monitoring;

/// <summary>
/// A Plotly.Blazor line chart of one or more metrics of a network (or one node) over real timestamps: history from
/// the store for the chosen range, then live points from <see cref="MetricsSampled"/>, appended with ExtendTraces
/// (bounded window) by a once-a-second loop started from the chart's own AfterRender and cancelled on dispose.
/// With no point yet it says "no data yet" instead of drawing an empty axis.
/// </summary>
public sealed partial class MetricChart
{
    private readonly List<MetricPoint> _pending = [];
    private readonly CancellationTokenSource _stop = new();
    private IDisposable? _subscription;
    private PortalPlot? _chart;
    private ChartPointCount? _count;
    private IList<ITrace>? _traces;
    private Plotly.Blazor.Layout _layout = new();
    private readonly Config _config = new() { DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False, Responsive = true };
    private bool _hasData;
    private bool _chartReady;
    private int _generation;
    private int _initialPoints;
    private int _points;
    private TimeSpan? _loadedRange;
    private Task? _live;

    [Parameter, EditorRequired] public string NetworkId { get; set; } = "";

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    [Parameter, EditorRequired] public IReadOnlyList<string> Metrics { get; set; } = [];

    /// <summary>For node metrics: the node to chart.</summary>
    [Parameter] public string? NodeId { get; set; }

    [Parameter] public string Unit { get; set; } = "";

    /// <summary>Divides every value (e.g. 1048576 to show bytes as MiB).</summary>
    [Parameter] public double Scale { get; set; } = 1;

    [Parameter] public TimeSpan Range { get; set; } = TimeSpan.FromMinutes(15);

    [Parameter] public string TestId { get; set; } = "";

    [Inject] private MetricStore Store { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The most points a trace keeps while extended live: about one a second over the range, within limits.</summary>
    private int MaxPoints => (int)Math.Clamp(Range.TotalSeconds, 300, 20_000);

    protected override void OnInitialized() =>
        _subscription = Notifier.Subscribe<MetricsSampled>(e => e.NetworkId == NetworkId ? Buffer(e) : Task.CompletedTask);

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedRange != Range)
        {
            _loadedRange = Range;
            await LoadHistoryAsync();
        }
    }

    private async Task LoadHistoryAsync()
    {
        var to = Clock.GetUtcNow().UtcDateTime;
        var from = to - Range;
        // About 300 points per trace whatever the range; raw samples for the shortest ranges.
        var step = Range <= TimeSpan.FromMinutes(15) ? (int?)null : (int)Math.Max(1, Range.TotalSeconds / 300);
        var series = new List<(string Metric, List<MetricPoint> Points)>();
        foreach (var metric in Metrics)
        {
            series.Add((metric, [.. (await Store.QueryAsync(NetworkId, metric, from, to, step, _stop.Token)).Where(p => p.NodeId == NodeId)]));
        }
        lock (_pending)
        {
            _pending.Clear();
        }
        Show(series);
    }

    private void Show(List<(string Metric, List<MetricPoint> Points)> series)
    {
        _traces = [.. series.Select(s => (ITrace)new Scatter
        {
            Name = s.Metric,
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
            X = [.. s.Points.Select(p => (object)p.Time)],
            Y = [.. s.Points.Select(p => (object)(p.Value / Scale))],
        })];
        _points = _initialPoints = series.Sum(s => s.Points.Count);
        _hasData = _points > 0;
        _layout = ChartLayout.Lines(Unit, showLegend: series.Count > 1);
        _chartReady = false;
        _generation++;
    }

    /// <summary>The chart drew its first frame: only now may points be appended (earlier calls would be drawn twice).</summary>
    private void ChartRendered()
    {
        _chartReady = true;
        _live ??= RunLiveAsync(_stop.Token);
    }

    private async Task RunLiveAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await InvokeAsync(() => ExtendAsync(ct));
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException || ct.IsCancellationRequested)
        {
            // The circuit is gone or the chart was disposed mid-call.
        }
    }

    private Task Buffer(MetricsSampled sampled)
    {
        lock (_pending)
        {
            _pending.AddRange(sampled.Points.Where(p => p.NodeId == NodeId && Metrics.Contains(p.Metric)));
        }
        // Until the first point the chart is not drawn and so has no AfterRender loop: the first points show it.
        return _hasData || _traces is null ? Task.CompletedTask : InvokeAsync(ShowFirstPoints);
    }

    private void ShowFirstPoints()
    {
        if (_hasData)
        {
            return;
        }
        List<MetricPoint> points;
        lock (_pending)
        {
            points = [.. _pending];
            _pending.Clear();
        }
        if (points.Count > 0)
        {
            Show([.. Metrics.Select(m => (m, points.Where(p => p.Metric == m).ToList()))]);
            StateHasChanged();
        }
    }

    private async Task ExtendAsync(CancellationToken ct)
    {
        if (!_chartReady || _chart is null)
        {
            return;
        }
        List<MetricPoint> points;
        lock (_pending)
        {
            points = [.. _pending];
            _pending.Clear();
        }
        var indices = Metrics.Select((metric, index) => (metric, index)).Where(t => points.Any(p => p.Metric == t.metric)).ToList();
        if (indices.Count == 0)
        {
            return;
        }
        var xs = indices.Select(t => points.Where(p => p.Metric == t.metric).Select(p => (object)p.Time)).ToList();
        var ys = indices.Select(t => points.Where(p => p.Metric == t.metric).Select(p => (object)(p.Value / Scale))).ToList();
        await _chart.ExtendTraces(xs, ys, indices.Select(t => t.index), MaxPoints, ct);
        _points = Math.Min(_points + points.Count, MaxPoints * Metrics.Count);
        _count?.Set(_points);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        // The live loop ends at its next tick (its wait is cancelled); it is not awaited, so a circuit torn down
        // mid-call cannot fail the disposal.
        await _stop.CancelAsync();
    }
}
