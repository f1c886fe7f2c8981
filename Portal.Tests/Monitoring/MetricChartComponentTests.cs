using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NutPortal.Core.Live;
using NutPortal.Core.Monitoring;
using NutPortal.Tests.Explorer;
using NutPortal.Web.Components.Monitoring;

namespace NutPortal.Tests.Monitoring;

/// <summary>A chart over a real (empty, then fed) metric store: "no data yet" instead of an empty axis, then the chart.</summary>
public sealed class MetricChartComponentTests : BunitContext, IAsyncLifetime
{
    private GridDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await GridDatabase.CreateAsync("Sqlite");
        Services.AddMudServices();
        Services.AddSingleton(_database.Get<MetricStore>());
        Services.AddSingleton(_database.Get<LiveNotifier>());
        Services.AddSingleton(TimeProvider.System);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task A_series_without_points_says_no_data_yet_until_the_first_sample_arrives()
    {
        var net = await _database!.AddNetworkAsync("chart-empty");

        var chart = Render<MetricChart>(p => p.Add(c => c.NetworkId, net).Add(c => c.Title, "Block interval").Add(c => c.Unit, "s")
            .Add(c => c.Metrics, [Metrics.BlockIntervalSeconds]).Add(c => c.TestId, "block-interval"));

        chart.WaitForAssertion(() => Assert.Equal("no data yet", chart.Find("[data-testid=no-data]").TextContent.Trim()));
        Assert.Empty(chart.FindAll(".metric-chart"));

        var now = DateTime.UtcNow;
        await _database.Get<LiveNotifier>().PublishAsync(new MetricsSampled(net, now, [new MetricPoint(Metrics.BlockIntervalSeconds, null, now, 1.0)]));

        chart.WaitForAssertion(() => Assert.NotNull(chart.Find(".metric-chart")));
        Assert.Empty(chart.FindAll("[data-testid=no-data]"));
        Assert.Equal("1", chart.Find("[data-points]").GetAttribute("data-points"));
    }

    [Fact]
    public async Task Stored_samples_are_drawn_at_once()
    {
        var net = await _database!.AddNetworkAsync("chart-history");
        await _database.Get<MetricStore>().AddAsync(net, [new MetricPoint(Metrics.Tps, null, DateTime.UtcNow.AddMinutes(-1), 3)]);

        var chart = Render<MetricChart>(p => p.Add(c => c.NetworkId, net).Add(c => c.Title, "TPS").Add(c => c.Metrics, [Metrics.Tps]).Add(c => c.TestId, "tps"));

        chart.WaitForAssertion(() => Assert.Equal("1", chart.Find("[data-points]").GetAttribute("data-points")));
        Assert.Empty(chart.FindAll("[data-testid=no-data]"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
