using System.Security.Claims;
using NutPortal.Core.Contracts;
using NutPortal.Core.Identity;
using NutPortal.Core.Scanning;

namespace NutPortal.Web.Api;

/// <summary>Security scans: submit source, then read status and findings.</summary>
internal static class ScanEndpoints
{
    public sealed record ScanRequest(string? Source, string? CompilerVersion);

    public static void MapScanEndpoints(this RouteGroupBuilder api)
    {
        var scans = api.MapGroup("/scans").WithTags("Scans").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Developer));

        scans.MapPost("/", async (ScanRequest request, ClaimsPrincipal user, ScanService service, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Source))
            {
                return FieldErrors.Single("source", "Send the Solidity source to scan.");
            }
            var scan = await service.CreateAsync(request.Source, request.CompilerVersion, user.Identity?.Name ?? "unknown", ct: ct);
            return Results.Accepted($"/api/v1/scans/{scan.Id}", From(scan));
        }).WithSummary("Queue a security scan of Solidity source");

        api.MapPost("/contracts/{projectId}/versions/{number:int}/scans", async (
            string projectId, int number, ClaimsPrincipal user, ContractProjects projects, ScanService service, CancellationToken ct) =>
        {
            if (await projects.GetVersionAsync(projectId, number, ct) is not { } version)
            {
                return Results.NotFound();
            }
            var scan = await service.CreateAsync(
                ContractProjects.Sources(version).Values.First(), version.CompilerVersion, user.Identity?.Name ?? "unknown", new ScannedVersion(projectId, number), ct);
            return Results.Accepted($"/api/v1/scans/{scan.Id}", From(scan));
        }).WithTags("Scans").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Developer))
            .WithSummary("Queue a security scan of a saved version (the deploy gate judges versions by their latest scan)");

        scans.MapGet("/{id}", async (string id, ScanService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } scan ? Results.Ok(From(scan)) : Results.NotFound())
            .WithSummary("Scan status and findings");
    }

    private static object From(Scan scan) => new
    {
        id = scan.Id,
        status = scan.Status.ToString().ToLowerInvariant(),
        compilerVersion = scan.CompilerVersion,
        projectId = scan.ProjectId,
        versionNumber = scan.VersionNumber,
        error = scan.Error,
        createdAt = scan.CreatedAt,
        finishedAt = scan.FinishedAt,
        findings = ScanService.Findings(scan).Select(f => new
        {
            category = f.Category,
            severity = f.Severity,
            line = f.Line,
            column = f.Column,
            title = f.Title,
            detector = f.Detector,
            confidence = f.Confidence,
            explanation = f.Explanation,
            advice = f.Advice,
        }),
        // The learned model's ranking: the functions most likely to hold a vulnerability, highest first.
        risks = ScanService.Risks(scan).Select(r => new
        {
            contract = r.Contract,
            function = r.Function,
            line = r.StartLine,
            category = r.Category,
            probability = Math.Round(r.Probability, 3),
        }),
    };
}
