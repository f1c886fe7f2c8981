using System.Globalization;
using NutPortal.Core.Persistence;
using NutPortal.Core.Traces;

namespace NutPortal.Web.Api;

/// <summary>The traces API's paging and filter parameters: page, pageSize, sort (block|total), order (asc|desc), slowest, from, to (ISO 8601).</summary>
internal sealed record TracePageInput(PageRequest Page, string? Slowest, DateTime? From, DateTime? To)
{
    private static readonly string[] Names = ["page", "pageSize", "sort", "order", "slowest", "from", "to"];

    /// <summary>Null when none of the paging parameters is present (the older limit-based listing answers then).</summary>
    public static TracePageInput? Parse(IQueryCollection query, FieldErrors errors)
    {
        if (!Names.Any(query.ContainsKey))
        {
            return null;
        }
        var page = ExplorerInput.OptionalNumber(query["page"], "page", 0, 100_000, errors) ?? 0;
        var size = ExplorerInput.OptionalNumber(query["pageSize"], "pageSize", 1, PageRequest.MaxPageSize, errors) ?? 25;
        string? sort = query["sort"];
        if (sort is not (null or "block" or "total"))
        {
            errors.Add("sort", "One of: block, total.");
        }
        string? order = query["order"];
        if (order is not (null or "asc" or "desc"))
        {
            errors.Add("order", "One of: asc, desc.");
        }
        string? slowest = query["slowest"];
        if (slowest is { Length: > 0 } && !TraceStages.All.Contains(slowest))
        {
            errors.Add("slowest", $"One of: {string.Join(", ", TraceStages.All)}.");
        }
        var from = Time(query["from"], "from", errors);
        var to = Time(query["to"], "to", errors);
        if (from > to)
        {
            errors.Add("to", "Must not be before from.");
        }
        return new TracePageInput(new PageRequest((int)page, (int)size, sort, order != "asc"), slowest is { Length: > 0 } ? slowest : null, from, to);
    }

    private static DateTime? Time(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > 40 || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            errors.Add(field, "An ISO 8601 time, e.g. 2026-12-02T10:00:00Z.");
            return null;
        }
        return value;
    }
}
