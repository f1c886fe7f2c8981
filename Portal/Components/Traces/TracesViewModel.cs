using MudBlazor;
using NutPortal.Core.Persistence;
using NutPortal.Core.Traces;

namespace NutPortal.Web.Components.Traces;

/// <summary>
/// The traces page's state without rendering: filters (network, status, sender, slowest stage, time range), the
/// grid's server data, and the analysed window's stage statistics and latency histogram.
/// </summary>
public sealed class TracesViewModel(TraceOverview overview, TimeProvider clock)
{
    public static IReadOnlyList<(string Key, string Label, TimeSpan? Span)> Ranges { get; } =
        [("15m", "last 15 minutes", TimeSpan.FromMinutes(15)), ("1h", "last hour", TimeSpan.FromHours(1)),
         ("24h", "last 24 hours", TimeSpan.FromHours(24)), ("7d", "last 7 days", TimeSpan.FromDays(7)), ("all", "any time", null)];

    public string? NetworkId { get; set; }

    /// <summary>all, success or failed.</summary>
    public string Status { get; set; } = "all";

    public bool PortalOnly { get; set; }

    /// <summary>One of <see cref="TraceStages.All"/>, or null for any.</summary>
    public string? SlowestStage { get; set; }

    /// <summary>A key of <see cref="Ranges"/>.</summary>
    public string Range { get; set; } = "all";

    /// <summary>The last page loaded, with statistics and histogram over every filtered trace of the window.</summary>
    public TracePage? Last { get; private set; }

    public TraceQuery? Query()
    {
        if (NetworkId is null)
        {
            return null;
        }
        var span = Ranges.FirstOrDefault(r => r.Key == Range).Span;
        DateTime? from = span is { } s ? clock.GetUtcNow().UtcDateTime - s : null;
        bool? succeeded = Status switch { "success" => true, "failed" => false, _ => null };
        return new TraceQuery(NetworkId, succeeded, PortalOnly, SlowestStage, from);
    }

    /// <summary>The grid's ServerData: sorting by total time or block, paging in <see cref="TraceOverview.PageAsync"/>.</summary>
    public async Task<GridData<TraceRow>> LoadAsync(GridState<TraceRow> state, CancellationToken ct)
    {
        if (Query() is not { } query)
        {
            Last = null;
            return new GridData<TraceRow> { Items = [], TotalItems = 0 };
        }
        var sort = state.SortDefinitions.FirstOrDefault();
        var sortBy = sort?.SortBy == nameof(TraceRow.TotalMilliseconds) ? "total" : "block";
        Last = await overview.PageAsync(query, new PageRequest(state.Page, state.PageSize, sortBy, sort?.Descending ?? true), ct);
        return new GridData<TraceRow> { Items = Last.Rows.Items, TotalItems = Last.Rows.Total };
    }
}
