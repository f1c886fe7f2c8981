using System.Globalization;
using System.Text.Json.Serialization;
using NutPortal.Core.Monitoring;
using NutPortal.Core.Networks;

namespace NutPortal.Web.Api;

public sealed record MetricPointResource(DateTime Time, double Value, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NodeId);

internal static class MonitoringEndpoints
{
    private const int MaxPoints = 20_000;

    public static void MapMonitoringEndpoints(this RouteGroupBuilder api)
    {
        api.MapWorkloadEndpoints();
        api.MapGet("/metrics", () => TypedResults.Ok(Metrics.All)).WithTags("Monitoring").WithSummary("The metrics the portal records, per network or per node");

        api.MapGet("/networks/{id}/metrics/{metric}", async (string id, string metric, string? from, string? to, string? step,
            NetworkCatalog catalog, MetricStore store, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            if (Metrics.Find(metric) is null)
            {
                errors.Add("metric", $"Unknown metric '{metric}'. Known: {Metrics.NameList}.");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var end = ParseTime(to, "to", now, errors);
            var start = ParseTime(from, "from", end.AddHours(-1), errors);
            if (start > end)
            {
                errors.Add("from", "'from' must not be after 'to'.");
            }
            var stepSeconds = ParseStep(step, errors);
            if (!errors.Any && (end - start).TotalSeconds / (stepSeconds ?? 1) > MaxPoints && stepSeconds is not null)
            {
                errors.Add("step", $"The range holds more than {MaxPoints} steps: use a larger step.");
            }
            if (errors.Any)
            {
                return errors.ToResult("The metric query has invalid fields");
            }
            if (await catalog.GetAsync(id, ct) is null)
            {
                return Results.NotFound();
            }
            var points = await store.QueryAsync(id, metric, start, end, stepSeconds, ct);
            return Results.Ok(points.Select(p => new MetricPointResource(p.Time, p.Value, p.NodeId)));
        }).WithTags("Monitoring")
        .WithSummary("A metric's values between from and to (ISO-8601; default the last hour), averaged per step (seconds, or 30s, 5m, 1h) and node");
    }

    private static DateTime ParseTime(string? text, string field, DateTime fallback, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }
        errors.Add(field, "Use an ISO-8601 time such as 2026-11-22T10:00:00Z.");
        return fallback;
    }

    /// <summary>Seconds as a number or with a unit (s, m, h, d): 1 s to 1 day.</summary>
    public static int? ParseStep(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var unit = char.IsAsciiLetter(text[^1]) ? text[^1] : 's';
        var number = char.IsAsciiLetter(text[^1]) ? text[..^1] : text;
        var factor = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
        if (factor > 0 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && (long)value * factor <= 86400)
        {
            return value * factor;
        }
        errors.Add("step", "A step is 1 second to 1 day: a number of seconds, or 30s, 5m, 1h, 1d.");
        return null;
    }
}
