using System.Security.Claims;
using NutPortal.Core.Contracts;
using NutPortal.Core.Identity;
using NutPortal.Core.Scanning;

using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>Security scans: submit source, then read status and findings.</summary>
internal static class ScanEndpoints
{
    /// <summary>One source, or several files compiled together (name → source; imports resolve among them).</summary>
    public sealed record ScanRequest(string? Source, string? CompilerVersion, Dictionary<string, string>? Sources = null);

    private const int MaxFiles = ContractProjects.MaxFiles;

    public static void MapScanEndpoints(this RouteGroupBuilder api)
    {
        var scans = api.MapGroup("/scans").WithTags("Scans").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Developer));

        scans.MapPost("/", async (ScanRequest request, ClaimsPrincipal user, CallerAccessor callers, ScanService service, CancellationToken ct) =>
        {
            var who = user.Identity?.Name ?? "unknown";
            var caller = await callers.GetAsync(ct);
            if (caller.CurrentOrganizationId is not { } organization || !caller.CanDevelopIn(organization))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: "Scans belong to your current organization (or the one in the X-Organization header), where you need the Developer or Owner role.");
            }
            if (request.Sources is { Count: > 0 } files)
            {
                if (!string.IsNullOrWhiteSpace(request.Source))
                {
                    return FieldErrors.Single("source", "Send either source or sources, not both.");
                }
                if (files.Count > MaxFiles)
                {
                    return FieldErrors.Single("sources", $"A scan takes at most {MaxFiles} files; this request has {files.Count}.");
                }
                if (files.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Key) || string.IsNullOrWhiteSpace(f.Value)) is { Key: not null } empty)
                {
                    return FieldErrors.Single("sources", $"File '{empty.Key}' has no name or no source.");
                }
                var many = await service.CreateForAsync(files, request.CompilerVersion, who, organization, ct);
                return Results.Accepted($"/api/v1/scans/{many.Id}", From(many));
            }
            if (string.IsNullOrWhiteSpace(request.Source))
            {
                return FieldErrors.Single("source", "Send the Solidity source to scan (or sources: file name → source).");
            }
            var scan = await service.CreateForAsync(ScanService.SingleSource(request.Source), request.CompilerVersion, who, organization, ct);
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
                ContractProjects.Sources(version), version.CompilerVersion, user.Identity?.Name ?? "unknown", new ScannedVersion(projectId, number), ct);
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
        files = scan.SourcesJson is null ? null : ScanService.Sources(scan).Keys.Order(StringComparer.Ordinal),
        findings = ScanService.Findings(scan).Select(f => new
        {
            file = f.File,
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
            file = r.File,
            contract = r.Contract,
            function = r.Function,
            line = r.StartLine,
            category = r.Category,
            probability = Math.Round(r.Probability, 3),
        }),
    };
}
