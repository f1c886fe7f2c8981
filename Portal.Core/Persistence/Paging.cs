using Microsoft.EntityFrameworkCore;

namespace NutPortal.Core.Persistence;

/// <summary>
/// One page of a server-side grid: zero-based page number, rows per page (at most <see cref="MaxPageSize"/>), and
/// an optional sort column with its direction. Each query names the columns it can sort on (those with an index).
/// </summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = true)
{
    public const int MaxPageSize = 100;

    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);

    public int Skip => Math.Max(0, Page) * Size;
}

/// <summary>
/// A page of rows and how many rows match. On tables that grow without bound the count stops at a cap
/// (<see cref="TotalIsCapped"/>: at least that many match) so a count never scans a million rows.
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, bool TotalIsCapped = false);

public static class Paging
{
    /// <summary>Counts matches up to <paramref name="cap"/>: one bounded index walk, however big the table.</summary>
    public static async Task<(int Total, bool Capped)> CappedCountAsync<T>(IQueryable<T> query, int cap, CancellationToken ct)
    {
        var count = await query.Take(cap + 1).CountAsync(ct);
        return (Math.Min(count, cap), count > cap);
    }
}
