using System.Security.Claims;
using System.Text.Json;
using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Testing;
using NutPortal.Core.Identity;

namespace NutPortal.Web.Api;

/// <summary>Test suites of contract projects and their runs (Developers and Admins, like the rest of the contract center).</summary>
internal static class ContractTestEndpoints
{
    /// <summary>Steps are the JSON array itself, or a string holding it (as typed in the page's editor).</summary>
    public sealed record SuiteRequest(string? Name, JsonElement? Steps);

    public sealed record RunRequest(int? Version);

    public static void MapContractTestEndpoints(this RouteGroupBuilder api)
    {
        var suites = api.MapGroup("/contracts/{id}/test-suites").WithTags("Contract tests").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Developer));

        suites.MapGet("/", async (string id, ContractProjects projects, ContractTestSuites tests, CancellationToken ct) =>
            await projects.GetAsync(id, ct) is null ? Results.NotFound() : Results.Ok((await tests.ListAsync(id, ct)).Select(ContractTestResources.From)))
            .WithSummary("The project's test suites");

        suites.MapPost("/", async (string id, SuiteRequest request, ClaimsPrincipal user, ContractTestSuites tests, CancellationToken ct) =>
            await tests.CreateAsync(id, request.Name, StepsText(request.Steps), UserName(user), ct) switch
            {
                null => Results.NotFound(),
                { Suite: { } s, Errors.Count: 0 } => Results.Created($"/api/v1/contracts/{id}/test-suites/{s.Id}", ContractTestResources.From(s)),
                var r => ContractTestResources.Invalid(r.Errors),
            }).WithSummary("Create a suite; steps are checked against the latest version (errors name step and field, e.g. steps[2].function)");

        suites.MapPost("/from-template", async (string id, ClaimsPrincipal user, ContractProjects projects, ContractTestSuites tests, CancellationToken ct) =>
        {
            var project = await projects.GetAsync(id, ct);
            if (project is null)
            {
                return Results.NotFound();
            }
            if (TemplateTestSuites.For(project.TemplateId) is not { } template)
            {
                return FieldErrors.Single("templateId", "This project was not made from a template that comes with a test suite.");
            }
            var result = await tests.CreateAsync(id, template.Name, template.StepsJson, UserName(user), ct);
            return result is { Suite: { } s, Errors.Count: 0 }
                ? Results.Created($"/api/v1/contracts/{id}/test-suites/{s.Id}", ContractTestResources.From(s))
                : ContractTestResources.Invalid(result!.Errors);
        }).WithSummary("Add the suite that comes with the project's template (ERC-20)");

        suites.MapGet("/{suiteId}", async (string id, string suiteId, ContractTestSuites tests, CancellationToken ct) =>
            await tests.GetAsync(id, suiteId, ct) is { } s ? Results.Ok(ContractTestResources.From(s)) : Results.NotFound())
            .WithSummary("One suite");

        suites.MapPut("/{suiteId}", async (string id, string suiteId, SuiteRequest request, ContractTestSuites tests, CancellationToken ct) =>
            await tests.UpdateAsync(id, suiteId, request.Name, StepsText(request.Steps), ct) switch
            {
                null => Results.NotFound(),
                { Suite: { } s, Errors.Count: 0 } => Results.Ok(ContractTestResources.From(s)),
                var r => ContractTestResources.Invalid(r.Errors),
            }).WithSummary("Replace a suite's name and steps");

        suites.MapDelete("/{suiteId}", async (string id, string suiteId, ContractTestSuites tests, CancellationToken ct) =>
            await tests.DeleteAsync(id, suiteId, ct) ? Results.NoContent() : Results.NotFound())
            .WithSummary("Delete a suite and its runs");

        suites.MapPost("/{suiteId}/runs", async (string id, string suiteId, HttpRequest http, ClaimsPrincipal user, ContractTestSuites tests, CancellationToken ct) =>
        {
            // The body is optional: none (or {}) runs the latest version, {"version": 2} another one.
            RunRequest? request = null;
            if (http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0)
            {
                try
                {
                    request = await http.ReadFromJsonAsync<RunRequest>(ct);
                }
                catch (JsonException)
                {
                    return FieldErrors.Single("version", "Send {\"version\": n} or no body.");
                }
            }
            return await tests.StartRunAsync(id, suiteId, request?.Version, UserName(user), ct) switch
            {
                null => Results.NotFound(),
                { Run: { } run } => Results.Accepted($"/api/v1/test-runs/{run.Id}", ContractTestResources.From(run)),
                var r => ContractTestResources.Invalid(r.Errors),
            };
        }).WithSummary("Run the suite on a throw-away node against a version (the latest by default); returns the run id");

        suites.MapGet("/{suiteId}/runs", async (string id, string suiteId, ContractTestSuites tests, CancellationToken ct) =>
            await tests.GetAsync(id, suiteId, ct) is null ? Results.NotFound() : Results.Ok((await tests.ListRunsAsync(suiteId, 20, ct)).Select(ContractTestResources.From)))
            .WithSummary("The suite's latest runs, newest first");

        api.MapGet("/test-runs/{runId}", async (string runId, ContractTestSuites tests, CancellationToken ct) =>
            await tests.GetRunAsync(runId, ct) is { } run ? Results.Ok(ContractTestResources.From(run)) : Results.NotFound())
            .WithTags("Contract tests").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Developer))
            .WithSummary("A run's status and per-step results");

        api.MapPost("/test-runs/{runId}/cancel", async (string runId, ClaimsPrincipal user, ContractTestSuites tests, CancellationToken ct) =>
            await tests.CancelRunAsync(runId, UserName(user), ct) switch
            {
                null => Results.NotFound(),
                (RunCancelOutcome.AlreadyFinished, var run) => Results.Problem(
                    $"The run already finished ({run.Status.ToString().ToLowerInvariant()}); there is nothing to cancel.", statusCode: StatusCodes.Status409Conflict, title: "Run finished"),
                (_, var run) => Results.Accepted($"/api/v1/test-runs/{run.Id}", ContractTestResources.From(run)),
            })
            .WithTags("Contract tests").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Developer))
            .WithSummary("Cancel a queued or running run: the step under way stops, its node is killed and later steps are skipped");
    }

    private static string? StepsText(JsonElement? steps) => steps switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } s => s.GetRawText(),
    };

    private static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
