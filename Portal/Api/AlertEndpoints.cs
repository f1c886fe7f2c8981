using System.Security.Claims;
using NutPortal.Core.Alerts;
using NutPortal.Core.Networks;
using NutPortal.Web.Account;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

public sealed record AlertRuleResource(long Id, string Name, string NetworkId, string? NodeId, string Metric, string Comparator, double Threshold,
    int ForSeconds, AlertSeverity Severity, IReadOnlyList<AlertChannel> Channels, DateTime? SilencedUntil, string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AlertRuleResource From(AlertRule r) => new(r.Id, r.Name, r.NetworkId, r.NodeId, r.Metric, r.Comparator, r.Threshold, r.ForSeconds,
        r.Severity, AlertRuleService.Channels(r), r.SilencedUntil, r.CreatedBy, r.CreatedAt, r.UpdatedAt);
}

public sealed record AlertResource(long Id, long RuleId, string RuleName, string NetworkId, string? NodeId, string State, AlertSeverity Severity,
    double Value, DateTime StartedAt, DateTime? FiringAt, DateTime? EndedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy)
{
    public static AlertResource From(Alert a, AlertRule r) => new(a.Id, a.RuleId, r.Name, a.NetworkId, a.NodeId, a.State.ToString().ToLowerInvariant(),
        r.Severity, a.Value, a.StartedAt, a.FiringAt, a.EndedAt, a.AcknowledgedAt, a.AcknowledgedBy);
}

internal static class AlertEndpoints
{
    public sealed record SilenceRequest(int? Seconds);

    public static void MapAlertEndpoints(this RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/alert-rules").WithTags("Alerts");
        rules.MapGet("/", async (string? networkId, CallerAccessor callers, AlertRuleService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(networkId, ContractEndpoints.Scope(await callers.GetAsync(ct)), ct)).Select(AlertRuleResource.From)))
            .WithSummary("The alert rules of the caller's organizations, optionally of one network");
        rules.MapGet("/{id:long}", async (long id, AlertRuleService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } rule ? Results.Ok(AlertRuleResource.From(rule)) : Results.NotFound());
        rules.MapPost("/", async (AlertRuleInput input, CallerAccessor callers, AlertRuleService service, CancellationToken ct) =>
            ToResult(await service.CreateAsync(input, await callers.GetAsync(ct), ct), created: true))
            .RequireAuthorization(Policies.Operate).WithSummary("Create a rule (Admin, Operator); webhook URLs must reach public addresses or allowed hosts");
        rules.MapPut("/{id:long}", async (long id, AlertRuleInput input, CallerAccessor callers, AlertRuleService service, CancellationToken ct) =>
            ToResult(await service.UpdateAsync(id, input, await callers.GetAsync(ct), ct), created: false))
            .RequireAuthorization(Policies.Operate).WithSummary("Replace a rule (Admin, Operator)");
        rules.MapDelete("/{id:long}", async (long id, AlertRuleService service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(Policies.Operate).WithSummary("Delete a rule and its alerts (Admin, Operator)");
        rules.MapPost("/{id:long}/silence", async (long id, SilenceRequest request, AlertRuleService service, CancellationToken ct) =>
        {
            if (request.Seconds is not (>= 0 and <= 30 * 86400))
            {
                return FieldErrors.Single("seconds", "0 (lift the silence) to 2592000 seconds (30 days).");
            }
            return await service.SilenceAsync(id, TimeSpan.FromSeconds(request.Seconds.Value), ct) is { } rule ? Results.Ok(AlertRuleResource.From(rule)) : Results.NotFound();
        }).RequireAuthorization(Policies.Operate).WithSummary("Silence a rule's notifications for a number of seconds (0 lifts it)");

        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", async (string? state, int? limit, CallerAccessor callers, AlertCatalog catalog, CancellationToken ct) =>
        {
            AlertState? wanted = state switch
            {
                null or "" => null,
                "pending" => AlertState.Pending,
                "firing" => AlertState.Firing,
                "resolved" => AlertState.Resolved,
                "normal" => AlertState.Normal,
                _ => (AlertState)(-1),
            };
            if (wanted == (AlertState)(-1))
            {
                return FieldErrors.Single("state", "One of: pending, firing, resolved, normal.");
            }
            return Results.Ok((await catalog.ListAsync(wanted, limit ?? 200, ContractEndpoints.Scope(await callers.GetAsync(ct)), ct)).Select(x => AlertResource.From(x.Alert, x.Rule)));
        }).WithSummary("Alerts, newest first; state=pending|firing|resolved (default: all but normal)");
        alerts.MapGet("/{id:long}/transitions", async (long id, AlertCatalog catalog, CancellationToken ct) =>
            Results.Ok((await catalog.TransitionsAsync(id, ct)).Select(t => new { from = t.From.ToString().ToLowerInvariant(), to = t.To.ToString().ToLowerInvariant(), t.At, t.Value })))
            .WithSummary("Every state change of an alert");
        alerts.MapPost("/{id:long}/acknowledge", async (long id, ClaimsPrincipal user, AlertCatalog catalog, CancellationToken ct) =>
            await catalog.AcknowledgeAsync(id, user.Identity?.Name ?? "unknown", ct) is { } alert ? Results.Ok(new { alert.Id, alert.AcknowledgedAt, alert.AcknowledgedBy }) : Results.NotFound())
            .RequireAuthorization(Policies.Operate).WithSummary("Acknowledge an alert (Admin, Operator)");
    }

    private static IResult ToResult(AlertRuleResult result, bool created) =>
        !result.Found ? Results.NotFound()
        : result.Rule is { } rule
            ? created ? Results.Created($"/api/v1/alert-rules/{rule.Id}", AlertRuleResource.From(rule)) : Results.Ok(AlertRuleResource.From(rule))
            : TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "The alert rule has invalid fields");
}
