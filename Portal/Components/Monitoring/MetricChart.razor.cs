using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;

namespace NutPortal.Web.Components.Monitoring;

/// <summary>
/// A Plotly line chart of one or more metrics of a network (or one node): history loaded from the store for the
/// chosen range, then extended live from <see cref="MetricsSampled"/> (collected, and sent at most once a second).
/// </summary>
public sealed partial class MetricChart
{
    private readonly List<MetricPoint> _pending = [];
    private readonly List<string> _traces = [];
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IDisposable? _subscription;
    private readonly Shared.Throttle _throttle = new(TimeSpan.FromSeconds(1));
    private TimeSpan _loadedRange;
    private bool _rendered;

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

    [Inject] private IJSRuntime Js { get; set; } = default!;

    [Inject] private MetricStore Store { get; set; } = default!;

    [Inject] private LiveNotifier Notifier { get; set; } = default!;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    protected override void OnInitialized() =>
        _subscription = Notifier.Subscribe<MetricsSampled>(e => e.NetworkId == NetworkId ? Buffer(e) : Task.CompletedTask);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await Js.InvokeAsync<IJSObjectReference>("import", "./js/charts.js");
            _rendered = true;
        }
        if (_rendered && _loadedRange != Range)
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
        _traces.Clear();
        var series = new List<object>();
        foreach (var metric in Metrics)
        {
            var points = (await Store.QueryAsync(NetworkId, metric, from, to, step)).Where(p => p.NodeId == NodeId).ToList();
            _traces.Add(metric);
            series.Add(new { name = metric, x = points.Select(p => p.Time).ToArray(), y = points.Select(p => p.Value / Scale).ToArray() });
        }
        lock (_pending)
        {
            _pending.Clear();
        }
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("render", _element, Title, Unit, series);
        }
    }

    private Task Buffer(MetricsSampled sampled)
    {
        lock (_pending)
        {
            _pending.AddRange(sampled.Points.Where(p => p.NodeId == NodeId && Metrics.Contains(p.Metric)));
        }
        return _throttle.RunAsync(() => InvokeAsync(ExtendAsync));
    }

    private async Task ExtendAsync()
    {
        List<MetricPoint> points;
        lock (_pending)
        {
            points = [.. _pending];
            _pending.Clear();
        }
        var indices = _traces.Select((metric, index) => (metric, index)).Where(t => points.Any(p => p.Metric == t.metric)).ToList();
        if (_module is null || indices.Count == 0)
        {
            return;
        }
        var xs = indices.Select(t => points.Where(p => p.Metric == t.metric).Select(p => p.Time).ToArray()).ToArray();
        var ys = indices.Select(t => points.Where(p => p.Metric == t.metric).Select(p => p.Value / Scale).ToArray()).ToArray();
        var maxPoints = (int)Math.Clamp(Range.TotalSeconds, 300, 20_000);
        await _module.InvokeVoidAsync("extend", _element, xs, ys, indices.Select(t => t.index).ToArray(), maxPoints);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _element);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the browser already dropped the chart.
            }
        }
    }
}
