using System.Security.Claims;
using System.Text.Json;
using NutPortal.Core.Monitoring;
using NutPortal.Web.Account;
using NutPortal.Workers.Monitoring;

using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

public sealed record WorkloadResource(string Id, string NetworkId, string Kind, int RatePerSecond, int DurationSeconds, string Status, string? Error,
    DateTime CreatedAt, DateTime? FinishedAt, int? Sent, int? Confirmed, int? Failed, double? AchievedTps, LatencySummary? LatencyMs, string? ContractAddress)
{
    /// <summary>Per node (multi-node platforms watched node by node): propagation, import and ready times; see <see cref="NodeTimes"/>.</summary>
    public IReadOnlyList<NodeTimes>? Nodes { get; init; }

    public string? SlowestNode { get; init; }

    /// <summary>Its trace: GET /networks/{networkId}/traces/{hash}.</summary>
    public string? SlowestTransaction { get; init; }

    public string? Sender { get; init; }

    public string? Preparation { get; init; }

    public static WorkloadResource From(Workload w)
    {
        var report = w.ReportJson is null ? null : JsonSerializer.Deserialize<WorkloadReport>(w.ReportJson, JsonSerializerOptions.Web);
        return new(w.Id, w.NetworkId, w.Kind, w.RatePerSecond, w.DurationSeconds, w.Status, w.Error, w.CreatedAt, w.FinishedAt,
            report?.Sent, report?.Confirmed, report?.Failed, report?.AchievedTps, report?.LatencyMs, report?.ContractAddress)
        {
            Nodes = report?.Nodes, SlowestNode = report?.SlowestNode, SlowestTransaction = report?.SlowestTransaction, Sender = report?.Sender, Preparation = report?.Preparation,
        };
    }
}

internal static class WorkloadEndpoints
{
    /// <summary>Mapped from <see cref="MonitoringEndpoints"/>: workloads drive the metrics the charts show.</summary>
    public static void MapWorkloadEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/networks/{id}/workloads", async (string id, WorkloadRequest request, HttpContext http, ClaimsPrincipal user, WorkloadRunner runner, CancellationToken ct) =>
        {
            var start = await runner.StartAsync(id, request, user.Identity?.Name ?? "unknown", http.Grant().SigningOrganizationId, ct);
            return !start.Found ? Results.NotFound()
                : start.Workload is { } workload ? Results.Accepted($"/api/v1/workloads/{workload.Id}", WorkloadResource.From(workload))
                : TypedResults.ValidationProblem(start.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                    title: "The workload has invalid fields");
        }).RequireAuthorization(Policies.Operate).Needs(AccessRight.OperateAny).WithTags("Monitoring")
        .WithSummary("Send signed transfers or contract calls at a rate for a duration (Admin, Operator); poll the report at /workloads/{id}");

        api.MapGet("/workloads/{id}", async (string id, WorkloadRunner runner, CancellationToken ct) =>
            await runner.GetAsync(id, ct) is { } workload ? Results.Ok(WorkloadResource.From(workload)) : Results.NotFound())
            .WithTags("Monitoring").WithSummary("A workload's status and report: sent, confirmed, failed, achieved TPS, latency percentiles");
    }
}
