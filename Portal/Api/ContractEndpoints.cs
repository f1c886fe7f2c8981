using System.Security.Claims;
using System.Text.Json;
using NutPortal.Core.Contracts;
using NutPortal.Core.Contracts.Templates;
using NutPortal.Core.Identity;
using NutPortal.Core.Solidity;
using NutPortal.Web.Organizations;

namespace NutPortal.Web.Api;

/// <summary>Contract center API: compile, templates, projects and their versions (Developers and Admins).</summary>
internal static class ContractEndpoints
{
    public sealed record CompileRequest(string? Source, Dictionary<string, string>? Sources, string? CompilerVersion);

    public sealed record ProjectRequest(string? Name, string? Source, Dictionary<string, string>? Sources, string? CompilerVersion, string? TemplateId);

    public sealed record ProjectSettingsRequest(bool? BlockDeployOnHighFindings);

    /// <summary>The organizations whose projects a caller's list shows: theirs (every one for an Admin).</summary>
    internal static IReadOnlyCollection<string>? Scope(NutPortal.Core.Organizations.Caller caller) => caller.IsAdmin ? null : caller.OrganizationIds;

    public static void MapContractEndpoints(this RouteGroupBuilder api)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts").RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Developer));

        contracts.MapPost("/compile", async (CompileRequest request, ContractCompiler compiler, CancellationToken ct) =>
        {
            if (SourcesOf(request.Source, request.Sources) is not { } sources)
            {
                return FieldErrors.Single("source", "Send the Solidity source.");
            }
            return await CompileAsync(() => compiler.CompileAsync(sources, request.CompilerVersion, ct: ct), r => Results.Ok(ContractResources.From(r)));
        }).WithSummary("Compile Solidity: contracts (ABI, bytecode) and diagnostics with line and column");

        contracts.MapGet("/templates", () => Results.Ok(ContractTemplates.All.Select(t => new { id = t.Id, name = t.Name, description = t.Description, mainContract = t.MainContract, source = t.Source })))
            .WithSummary("Template library");

        contracts.MapGet("/", async (CallerAccessor callers, ContractProjects projects, CancellationToken ct) =>
            Results.Ok((await projects.ListAsync(Scope(await callers.GetAsync(ct)), ct)).Select(p => new { id = p.Id, name = p.Name, templateId = p.TemplateId, createdBy = p.CreatedBy, createdAt = p.CreatedAt, updatedAt = p.UpdatedAt })))
            .WithSummary("Contract projects");

        contracts.MapPost("/", async (ProjectRequest request, ClaimsPrincipal user, CallerAccessor callers, ContractProjects projects, CancellationToken ct) =>
        {
            var caller = await callers.GetAsync(ct);
            if (caller.CurrentOrganizationId is not { } organization || !caller.CanDevelopIn(organization))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: "Projects are created in your current organization (or the one in the X-Organization header), where you need the Developer or Owner role.");
            }
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 128)
            {
                errors.Add("name", "A name of 1 to 128 characters is required.");
            }
            var sources = SourcesOf(request.Source, request.Sources);
            if (sources is null)
            {
                errors.Add("source", "Send the Solidity source.");
            }
            if (errors.Any)
            {
                return errors.ToResult();
            }
            return await CompileAsync(() => projects.CreateAsync(request.Name!, sources!, request.CompilerVersion, request.TemplateId, user.Identity?.Name ?? "unknown", organization, ct), r =>
                r.Version is { } v ? Results.Created($"/api/v1/contracts/{r.Project!.Id}", ContractResources.From(r.Project, [v])) : ContractResources.CompileFailed(r.Diagnostics));
        }).WithSummary("Create a project; its sources are compiled and saved as version 1");

        contracts.MapGet("/{id}", async (string id, ContractProjects projects, CancellationToken ct) =>
            await projects.GetAsync(id, ct) is { } p ? Results.Ok(ContractResources.From(p, p.Versions)) : Results.NotFound())
            .WithSummary("A project and its versions");

        contracts.MapPost("/{id}/versions", async (string id, ProjectRequest request, ClaimsPrincipal user, ContractProjects projects, CancellationToken ct) =>
        {
            if (SourcesOf(request.Source, request.Sources) is not { } sources)
            {
                return FieldErrors.Single("source", "Send the Solidity source.");
            }
            return await CompileAsync(() => projects.SaveVersionAsync(id, sources, request.CompilerVersion, user.Identity?.Name ?? "unknown", ct), r =>
                r is null ? Results.NotFound()
                : r.Version is { } v ? Results.Created($"/api/v1/contracts/{id}/versions/{v.Number}", ContractResources.From(v))
                : ContractResources.CompileFailed(r.Diagnostics));
        }).WithSummary("Save the sources as a new version (only when they compile)");

        contracts.MapGet("/{id}/versions/{number:int}", async (string id, int number, ContractProjects projects, CancellationToken ct) =>
            await projects.GetVersionAsync(id, number, ct) is { } v ? Results.Ok(ContractResources.From(v)) : Results.NotFound())
            .WithSummary("One saved version: sources, compiler version, ABI and bytecode");

        contracts.MapPut("/{id}/settings", async (string id, ProjectSettingsRequest request, ContractProjects projects, CancellationToken ct) =>
        {
            if (request.BlockDeployOnHighFindings is not { } block)
            {
                return FieldErrors.Single("blockDeployOnHighFindings", "Say true or false.");
            }
            return await projects.SetDeployGateAsync(id, block, ct) && await projects.GetAsync(id, ct) is { } p
                ? Results.Ok(ContractResources.From(p, p.Versions)) : Results.NotFound();
        }).WithSummary("Project settings: the deploy gate (refuse versions whose scan has high-severity findings)");

        api.MapContractDeployEndpoints();
        api.MapScanEndpoints();
    }

    internal static IReadOnlyDictionary<string, string>? SourcesOf(string? source, Dictionary<string, string>? sources) =>
        sources is { Count: > 0 } ? sources
        : string.IsNullOrWhiteSpace(source) ? null
        : ContractCompiler.SingleSource(source);

    /// <summary>Runs a compile and maps toolchain failures to problem details (413 for too large, 400 for a bad version).</summary>
    internal static async Task<IResult> CompileAsync<T>(Func<Task<T>> compile, Func<T, IResult> ok)
    {
        try
        {
            return ok(await compile());
        }
        catch (SolidityCompilerException e) when (e.Failure == SolidityFailure.SourceTooLarge)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Source too large");
        }
        catch (SolidityCompilerException e) when (e.Failure is SolidityFailure.UnsupportedVersion or SolidityFailure.InvalidRequest)
        {
            return FieldErrors.Single("compilerVersion", e.Message);
        }
        catch (SolidityCompilerException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The compiler could not finish");
        }
    }
}
