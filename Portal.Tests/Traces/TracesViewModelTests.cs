using MudBlazor;
using NutPortal.Core.Traces;
using NutPortal.Tests.Explorer;
using NutPortal.Web.Components.Traces;

namespace NutPortal.Tests.Traces;

/// <summary>The traces page's filters drive its view model's server data (the seeded chain of <see cref="TraceGridTests"/>).</summary>
public sealed class TracesViewModelTests
{
    [Fact]
    public async Task Filters_and_sorting_choose_the_rows_the_grid_gets()
    {
        await using var grid = await GridDatabase.CreateAsync("Sqlite");
        var net = await TraceGridTests.SeedAsync(grid);
        // The seeded blocks are from 2026-12-01: "the last hour" ends on the hour after the newest block.
        var clock = new FixedClock(TraceGridTests.At(39).AddMinutes(30));
        var model = new TracesViewModel(grid.Get<TraceOverview>(), clock) { NetworkId = net };

        var all = await model.LoadAsync(State(), CancellationToken.None);
        model.Status = "failed";
        var failed = await model.LoadAsync(State(), CancellationToken.None);
        model.Status = "all";
        model.SlowestStage = TraceStages.Submitted;
        var slow = await model.LoadAsync(State(), CancellationToken.None);
        model.SlowestStage = null;
        model.Range = "15m";
        var recent = await model.LoadAsync(State(), CancellationToken.None);
        var recentLatency = model.Last?.Latency;
        model.Range = "1h";
        var longestFirst = await model.LoadAsync(State(sortByTotal: true), CancellationToken.None);

        Assert.Equal(39, all.TotalItems);
        Assert.Equal(7, failed.TotalItems);
        Assert.All(failed.Items, r => Assert.False(r.Succeeded));
        Assert.Equal([12L, 11, 10], slow.Items.Select(r => r.BlockNumber));
        Assert.Equal(0, recent.TotalItems);
        Assert.NotNull(recentLatency);
        Assert.Empty(recentLatency);
        Assert.Equal([10L, 11, 12], longestFirst.Items.Take(3).Select(r => r.BlockNumber).Order());
    }

    [Fact]
    public async Task Without_a_network_the_grid_is_empty()
    {
        await using var grid = await GridDatabase.CreateAsync("Sqlite");
        var model = new TracesViewModel(grid.Get<TraceOverview>(), TimeProvider.System);

        var data = await model.LoadAsync(State(), CancellationToken.None);

        Assert.Equal(0, data.TotalItems);
        Assert.Null(model.Last);
    }

    private static GridState<TraceRow> State(bool sortByTotal = false) => new()
    {
        Page = 0,
        PageSize = 25,
        SortDefinitions = sortByTotal ? [new SortDefinition<TraceRow>(nameof(TraceRow.TotalMilliseconds), true, 0, r => r.TotalMilliseconds)] : [],
    };

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}
